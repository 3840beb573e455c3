<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
  <context>
    <name>BatchesDialog</name>
    <message>
      <source>Imported batches</source>
      <translation>已導入的批次</translation>
    </message>
    <message>
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Imported (UTC)</source>
      <translation>導入時間（UTC）</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>編碼</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>數據</translation>
    </message>
    <message>
      <source>No figures have been imported yet (File → Import figures from CSV…).</source>
      <translation>尚未導入任何數據（文件 → 從 CSV 導入數據…）。</translation>
    </message>
    <message>
      <source>&amp;Remove batch</source>
      <translation>移除批次(&amp;R)</translation>
    </message>
  </context>
  <context>
    <name>DetailPane</name>
    <message>
      <source>a calendar year</source>
      <translation>一個日曆年度</translation>
    </message>
    <message>
      <source>the current year as stated during it (a plan or expected figure)</source>
      <translation>年內所述的當年數（計劃數或預計數）</translation>
    </message>
    <message>
      <source>a count or total at a date</source>
      <translation>截至某一日期的數量或累計數</translation>
    </message>
    <message>
      <source>a span of time</source>
      <translation>一段時間</translation>
    </message>
    <message>
      <source>stages of a project</source>
      <translation>項目的若干期</translation>
    </message>
    <message>
      <source>a yearly rate not tied to one year</source>
      <translation>不限於某一年的年度水平</translation>
    </message>
    <message>
      <source>part of a year</source>
      <translation>一年中的部分時期</translation>
    </message>
    <message>
      <source>a public holiday period</source>
      <translation>法定節假日期間</translation>
    </message>
    <message>
      <source>a single day</source>
      <translation>單日</translation>
    </message>
    <message>
      <source>approximately (the source says nearly)</source>
      <translation>約（原文爲“近”）</translation>
    </message>
    <message>
      <source>more than (the source says more than or over)</source>
      <translation>超過（原文爲“超過”或“逾”）</translation>
    </message>
    <message>
      <source>up to (a maximum)</source>
      <translation>最多（上限）</translation>
    </message>
    <message>
      <source>as published, without qualifier</source>
      <translation>按發佈原數，無限定詞</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>發佈機構</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>發佈日期</translation>
    </message>
    <message>
      <source>date not given</source>
      <translation>未註明日期</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>網址</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>主題</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>時期</translation>
    </message>
    <message>
      <source>Qualifier</source>
      <translation>限定詞</translation>
    </message>
    <message>
      <source>As written</source>
      <translation>原文寫法</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>狀態</translation>
    </message>
    <message>
      <source>derived — computed from published figures, not published itself</source>
      <translation>推算數——由已發佈數據計算得出，並非原文發佈</translation>
    </message>
    <message>
      <source>Formula</source>
      <translation>公式</translation>
    </message>
    <message>
      <source>Inputs</source>
      <translation>輸入數據</translation>
    </message>
    <message>
      <source>added by you in import batch %1</source>
      <translation>由您在導入批次 %1 中添加</translation>
    </message>
    <message>
      <source>provisional — may be revised</source>
      <translation>初步數——可能修訂</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>備註</translation>
    </message>
    <message>
      <source>Citation</source>
      <translation>引用</translation>
    </message>
    <message>
      <source>{figures} figures and {facts} facts; type its name in the filter box to see them together.</source>
      <translation>共{figures}項數據、{facts}條事實；在篩選框中輸入其名稱即可一併查看。</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>類別</translation>
    </message>
    <message>
      <source>About</source>
      <translation>關於</translation>
    </message>
  </context>
  <context>
    <name>ErrorReporter</name>
    <message>
      <source>Something went wrong: %1
The details are in the log file; the window stays open.</source>
      <translation>出現錯誤：%1
詳細信息已寫入日誌文件；窗口仍可繼續使用。</translation>
    </message>
  </context>
  <context>
    <name>FindDialog</name>
    <message>
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <source>Search figures, facts and names in every theme</source>
      <translation>在所有主題中查找數據、事實和名稱</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>數據</translation>
    </message>
    <message>
      <source>Fact</source>
      <translation>事實</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名稱</translation>
    </message>
    <message>
      <source>%1 results</source>
      <translation>%1 條結果</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <source>Import figures</source>
      <translation>導入數據</translation>
    </message>
    <message>
      <source>Nothing has been written yet. Check what the file brings, then import it.</source>
      <translation>尚未寫入任何內容。請先覈對文件內容，再導入。</translation>
    </message>
    <message>
      <source>This file cannot be imported. Nothing has been written.</source>
      <translation>此文件無法導入，未寫入任何內容。</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>導入(&amp;I)</translation>
    </message>
  </context>
  <context>
    <name>ImportReport</name>
    <message>
      <source>line {line}: </source>
      <translation>第 {line} 行：</translation>
    </message>
    <message>
      <source>The file is refused: {count} problem(s); nothing is imported.</source>
      <translation>文件被拒絕：{count} 個問題；不導入任何內容。</translation>
    </message>
    <message>
      <source>Read {file} as {encoding}.</source>
      <translation>已按 {encoding} 讀取 {file}。</translation>
    </message>
    <message>
      <source>{count} figure(s) to add; {present} already in the fact book.</source>
      <translation>將添加 {count} 項數據；{present} 項已在手冊中。</translation>
    </message>
    <message>
      <source>New indicator: {name}</source>
      <translation>新指標：{name}</translation>
    </message>
    <message>
      <source>New source: {name}</source>
      <translation>新來源：{name}</translation>
    </message>
    <message>
      <source>the file cannot be read: {reason}</source>
      <translation>無法讀取文件：{reason}</translation>
    </message>
    <message>
      <source>the file is larger than {size} MB</source>
      <translation>文件大於 {size} MB</translation>
    </message>
    <message>
      <source>the file is neither UTF-8 nor GB18030 text (wrong encoding)</source>
      <translation>文件既不是 UTF-8 也不是 GB18030 文本（編碼錯誤）</translation>
    </message>
    <message>
      <source>the file holds NUL characters: it is not a CSV text file</source>
      <translation>文件含有 NUL 字符：不是 CSV 文本文件</translation>
    </message>
    <message>
      <source>the file is not valid CSV ({reason})</source>
      <translation>文件不是有效的 CSV（{reason}）</translation>
    </message>
    <message>
      <source>the file is empty</source>
      <translation>文件爲空</translation>
    </message>
    <message>
      <source>{count} fields where the header has {expected}</source>
      <translation>有 {count} 個字段，而表頭有 {expected} 個</translation>
    </message>
    <message>
      <source>a field is longer than {limit} characters</source>
      <translation>有字段超過 {limit} 個字符</translation>
    </message>
    <message>
      <source>the same figure as line {other} (indicator, period and source)</source>
      <translation>與第 {other} 行是同一項數據（指標、時期和來源相同）</translation>
    </message>
    <message>
      <source>the file has a header but no figures</source>
      <translation>文件只有表頭，沒有數據</translation>
    </message>
    <message>
      <source>missing column(s): {columns} (use the columns of observations.csv)</source>
      <translation>缺少列：{columns}（請使用 observations.csv 的列）</translation>
    </message>
    <message>
      <source>unknown theme {theme!r}</source>
      <translation>未知主題 {theme!r}</translation>
    </message>
    <message>
      <source>unknown topic {topic!r} in theme {theme!r}</source>
      <translation>主題 {theme!r} 中沒有專題 {topic!r}</translation>
    </message>
    <message>
      <source>unknown unit {unit!r}</source>
      <translation>未知單位 {unit!r}</translation>
    </message>
    <message>
      <source>the value {value!r} is not a number</source>
      <translation>數值 {value!r} 不是數字</translation>
    </message>
    <message>
      <source>the period {period!r} is not understood (give a year or a period_kind)</source>
      <translation>無法理解時期 {period!r}（請給出年份或 period_kind）</translation>
    </message>
    <message>
      <source>the year {year!r} is not a year</source>
      <translation>{year!r} 不是年份</translation>
    </message>
    <message>
      <source>unknown qualifier {qualifier!r}; use {known}</source>
      <translation>未知限定詞 {qualifier!r}；請使用 {known}</translation>
    </message>
    <message>
      <source>the source is missing</source>
      <translation>缺少來源</translation>
    </message>
    <message>
      <source>the locator (paragraph or part of the source) is missing</source>
      <translation>缺少位置（來源中的段落或部分）</translation>
    </message>
    <message>
      <source>{column} must be yes or no, not {text!r}</source>
      <translation>{column} 應爲 yes 或 no，而不是 {text!r}</translation>
    </message>
    <message>
      <source>a derived figure needs its formula</source>
      <translation>推算數據需要公式</translation>
    </message>
    <message>
      <source>the formula cannot be computed: {reason}</source>
      <translation>無法計算公式：{reason}</translation>
    </message>
    <message>
      <source>the formula gives {computed}, not {value}</source>
      <translation>公式結果爲 {computed}，而不是 {value}</translation>
    </message>
    <message>
      <source>the indicator is missing</source>
      <translation>缺少指標</translation>
    </message>
    <message>
      <source>the unit differs from the unit of the indicator {name!r}</source>
      <translation>單位與指標 {name!r} 的單位不同</translation>
    </message>
    <message>
      <source>Not imported, line {line}: {figure} {period} = {value} conflicts with {existing} = {present}</source>
      <translation>未導入，第 {line} 行：{figure} {period} = {value} 與已有的 {existing} = {present} 衝突</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Jinshan Fact Book</source>
      <translation>金山區資料手冊</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>概覽</translation>
    </message>
    <message>
      <source>%1 figures · %2 facts · %3 sources · data as of %4</source>
      <translation>%1 項數據 · %2 條事實 · %3 個來源 · 數據截至 %4</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Export current table as CSV…</source>
      <translation>將當前表格導出爲 CSV(&amp;E)…</translation>
    </message>
    <message>
      <source>Export &amp;all tables as CSV…</source>
      <translation>將全部表格導出爲 CSV(&amp;A)…</translation>
    </message>
    <message>
      <source>Export chart as &amp;PNG…</source>
      <translation>將圖表導出爲 PNG(&amp;P)…</translation>
    </message>
    <message>
      <source>Export chart as &amp;SVG…</source>
      <translation>將圖表導出爲 SVG(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Import figures from CSV…</source>
      <translation>從 CSV 導入數據(&amp;I)…</translation>
    </message>
    <message>
      <source>Imported &amp;batches…</source>
      <translation>已導入的批次(&amp;B)…</translation>
    </message>
    <message>
      <source>CSV e&amp;ncoding</source>
      <translation>CSV 編碼(&amp;N)</translation>
    </message>
    <message>
      <source>Export in &amp;English</source>
      <translation>以英文導出(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>編輯(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>複製(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>查找(&amp;F)…</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>視圖(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>語言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>幫助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Sources</source>
      <translation>資料來源(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;About</source>
      <translation>關於(&amp;A)</translation>
    </message>
    <message>
      <source>Copied %1 rows</source>
      <translation>已複製 %1 行</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>導出失敗</translation>
    </message>
    <message>
      <source>Export table as CSV</source>
      <translation>將表格導出爲 CSV</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Exporting %1 rows…</source>
      <translation>正在導出 %1 行…</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>導出已取消，未寫入任何文件。</translation>
    </message>
    <message>
      <source>Exported %1 rows to %2</source>
      <translation>已將 %1 行導出到 %2</translation>
    </message>
    <message>
      <source>Export all tables to folder</source>
      <translation>將全部表格導出到文件夾</translation>
    </message>
    <message>
      <source>Exported %1 files to %2</source>
      <translation>已將 %1 個文件導出到 %2</translation>
    </message>
    <message>
      <source>No chart</source>
      <translation>沒有圖表</translation>
    </message>
    <message>
      <source>Select a figure first; its chart is exported.</source>
      <translation>請先選擇一項數據，導出的是它的圖表。</translation>
    </message>
    <message>
      <source>Export chart</source>
      <translation>導出圖表</translation>
    </message>
    <message>
      <source>Chart saved to %1</source>
      <translation>圖表已保存到 %1</translation>
    </message>
    <message>
      <source>PNG images</source>
      <translation>PNG 圖像</translation>
    </message>
    <message>
      <source>SVG images</source>
      <translation>SVG 圖像</translation>
    </message>
    <message>
      <source>Import figures from CSV</source>
      <translation>從 CSV 導入數據</translation>
    </message>
    <message>
      <source>Import failed</source>
      <translation>導入失敗</translation>
    </message>
    <message>
      <source>Imported %1 figures as batch %2</source>
      <translation>已導入 %1 項數據，批次 %2</translation>
    </message>
    <message>
      <source>Remove batch</source>
      <translation>移除批次</translation>
    </message>
    <message>
      <source>Remove import batch %1 and every figure it added?</source>
      <translation>移除導入批次 %1 及其添加的全部數據？</translation>
    </message>
    <message>
      <source>Remove failed</source>
      <translation>移除失敗</translation>
    </message>
    <message>
      <source>Removed batch %1 (%2 figures)</source>
      <translation>已移除批次 %1（%2 項數據）</translation>
    </message>
    <message>
      <source>About</source>
      <translation>關於</translation>
    </message>
    <message>
      <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;The published facts of Jinshan District, Shanghai, with the document and paragraph of each figure.&lt;/p&gt;&lt;p&gt;Data as of %3: %4 figures, %5 facts from %6 sources.&lt;br&gt;Database: %7&lt;br&gt;Log file folder: %8&lt;/p&gt;</source>
      <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;上海市金山區已發佈的事實與數據，每項數據均註明出處文件和段落。&lt;/p&gt;&lt;p&gt;數據截至 %3：來自 %6 個來源的 %4 項數據、%5 條事實。&lt;br&gt;數據庫：%7&lt;br&gt;日誌文件夾：%8&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>ObservationTableModel</name>
    <message>
      <source>imported</source>
      <translation>導入</translation>
    </message>
    <message>
      <source>derived</source>
      <translation>推算</translation>
    </message>
    <message>
      <source>provisional</source>
      <translation>初步</translation>
    </message>
    <message>
      <source>published</source>
      <translation>發佈</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>專題</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>指標</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>時期</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>數值</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>狀態</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>來源</translation>
    </message>
  </context>
  <context>
    <name>OverviewView</name>
    <message>
      <source>derived</source>
      <translation>推算</translation>
    </message>
    <message>
      <source>&lt;b&gt;Jinshan District at a glance&lt;/b&gt; — headline figures of each theme; click a figure to open it.</source>
      <translation>&lt;b&gt;金山區概覽&lt;/b&gt;——各主題的主要數據；點擊數據即可打開。</translation>
    </message>
  </context>
  <context>
    <name>SourcesDialog</name>
    <message>
      <source>Sources</source>
      <translation>資料來源</translation>
    </message>
    <message>
      <source>Sources of the fact book</source>
      <translation>本手冊的資料來源</translation>
    </message>
    <message>
      <source>date not given</source>
      <translation>未註明日期</translation>
    </message>
    <message>
      <source>grade</source>
      <translation>等級</translation>
    </message>
    <message>
      <source>%1 figures, %2 facts</source>
      <translation>%1 項數據，%2 條事實</translation>
    </message>
  </context>
  <context>
    <name>ThemeView</name>
    <message>
      <source>All topics</source>
      <translation>全部專題</translation>
    </message>
    <message>
      <source>Filter figures: type a word, a name, a year…</source>
      <translation>篩選數據：輸入詞語、名稱或年份…</translation>
    </message>
    <message>
      <source>Select a figure or a fact to see where it comes from.</source>
      <translation>選擇一項數據或事實，查看其出處。</translation>
    </message>
    <message>
      <source>Facts without a number</source>
      <translation>無數字的事實</translation>
    </message>
    <message>
      <source>%1 of %2 figures shown</source>
      <translation>顯示 %1 / %2 項數據</translation>
    </message>
  </context>
  <context>
    <name>TrendChart</name>
    <message>
      <source>Select a figure to see its chart</source>
      <translation>選擇一項數據以查看圖表</translation>
    </message>
    <message>
      <source>Compared: %1 and related figures</source>
      <translation>對比：%1 及相關數據</translation>
    </message>
    <message>
      <source>Source: %1</source>
      <translation>來源：%1</translation>
    </message>
    <message>
      <source>%1 (%2) is not for a full year and is not drawn</source>
      <translation>%1（%2）不是全年數據，未繪出</translation>
    </message>
    <message>
      <source>%1 (%2) is in another currency or unit and is not drawn</source>
      <translation>%1（%2）的貨幣或單位不同，未繪出</translation>
    </message>
    <message>
      <source>Hollow markers and dashed lines: derived figures</source>
      <translation>空心標記和虛線：推算數據</translation>
    </message>
  </context>
</TS>
