<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BatchesDialog</name>
    <message>
        <source>Imported batches</source>
        <translation>已导入的批次</translation>
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
        <translation>导入时间（UTC）</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>No figures have been imported yet (File → Import figures from CSV…).</source>
        <translation>尚未导入任何数据（文件 → 从 CSV 导入数据…）。</translation>
    </message>
    <message>
        <source>&amp;Remove batch</source>
        <translation>移除批次(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ChartSwitch</name>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the figure&apos;s chart</source>
        <translation>显示这项数据的图表</translation>
    </message>
    <message>
        <source>Show the chart&apos;s points as a table</source>
        <translation>以表格列出图表中的各点</translation>
    </message>
</context>
<context>
    <name>ChartTable</name>
    <message>
        <source>published</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>初步</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>CiteBar</name>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Copied the citation (%1)</source>
        <translation>已复制引文（%1）</translation>
    </message>
    <message>
        <source>Cite</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Copy a citation of this figure, with today as the date accessed</source>
        <translation>复制此数据的引文，引用日期为今天</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>a calendar year</source>
        <translation>一个日历年度</translation>
    </message>
    <message>
        <source>the current year as stated during it (a plan or expected figure)</source>
        <translation>年内所述的当年数（计划数或预计数）</translation>
    </message>
    <message>
        <source>a count or total at a date</source>
        <translation>截至某一日期的数量或累计数</translation>
    </message>
    <message>
        <source>a span of time</source>
        <translation>一段时间</translation>
    </message>
    <message>
        <source>stages of a project</source>
        <translation>项目的若干期</translation>
    </message>
    <message>
        <source>a yearly rate not tied to one year</source>
        <translation>不限于某一年的年度水平</translation>
    </message>
    <message>
        <source>part of a year</source>
        <translation>一年中的部分时期</translation>
    </message>
    <message>
        <source>a public holiday period</source>
        <translation>法定节假日期间</translation>
    </message>
    <message>
        <source>no period stated by the source</source>
        <translation>来源未说明时期</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>known to the nearest %1 only: its inputs are rounded</source>
        <translation>仅精确到%1：其输入数据为四舍五入值</translation>
    </message>
    <message>
        <source>planned or expected — not an outcome</source>
        <translation>计划或预期数——并非实际结果</translation>
    </message>
    <message>
        <source>a single day</source>
        <translation>单日</translation>
    </message>
    <message>
        <source>approximately (the source says about)</source>
        <translation>约（原文为“约”）</translation>
    </message>
    <message>
        <source>nearly (just under; the source says nearly)</source>
        <translation>近（略低于此数，原文为“近”）</translation>
    </message>
    <message>
        <source>more than (the source says more than or over)</source>
        <translation>超过（原文为“超过”或“逾”）</translation>
    </message>
    <message>
        <source>up to (a maximum)</source>
        <translation>最多（上限）</translation>
    </message>
    <message>
        <source>as published, without qualifier</source>
        <translation>按发布原数，无限定词</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文献</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>date not given</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>as written in %1</source>
        <translation>%1原文</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>derived — computed from published figures, not published itself</source>
        <translation>推算数——由已发布数据计算得出，并非原文发布</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入数据</translation>
    </message>
    <message>
        <source>added by you in import batch %1</source>
        <translation>由您在导入批次 %1 中添加</translation>
    </message>
    <message>
        <source>provisional — may be revised</source>
        <translation>初步数——可能修订</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>%1 figures and %2 facts; type its name in the filter box to see them together.</source>
        <translation>共%1项数据、%2条事实；在筛选框中输入其名称即可一并查看。</translation>
    </message>
    <message>
        <source> (checked against %1)</source>
        <translation>（据%1核对）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong: %1
The details are in the log file; the window stays open.</source>
        <translation>出现错误：%1
详细信息已写入日志文件；窗口仍可继续使用。</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exporting %1 rows…</source>
        <translation>正在导出 %1 行…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>将表格导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已将 %1 行导出到 %2</translation>
    </message>
    <message>
        <source>Export all tables to folder</source>
        <translation>将全部表格导出到文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n files to %1</source>
        <translation>
            <numerusform>已将 %n 个文件导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>PNG images</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG images</source>
        <translation>SVG 图像</translation>
    </message>
    <message>
        <source>No chart</source>
        <translation>没有图表</translation>
    </message>
    <message>
        <source>Select a figure first; its chart is exported.</source>
        <translation>请先选择一项数据，导出的是它的图表。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
</context>
<context>
    <name>FigureCommands</name>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Copied the selected text</source>
        <translation>已复制所选文字</translation>
    </message>
    <message>
        <source>Copied the detail pane</source>
        <translation>已复制详情栏内容</translation>
    </message>
    <message>
        <source>Copied the fact with its citation</source>
        <translation>已复制事实及其出处</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n rows</source>
        <translation>
            <numerusform>已复制 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a figure to cite it.</source>
        <translation>请先选择一项数据再引用。</translation>
    </message>
    <message>
        <source>Select a figure to copy its link.</source>
        <translation>请先选择一项数据再复制其链接。</translation>
    </message>
    <message>
        <source>Copied the link %1</source>
        <translation>已复制链接 %1</translation>
    </message>
    <message>
        <source>“%1” is not a link to a figure: links read jinshan://figure/ID.</source>
        <translation>“%1”不是数据链接：链接的格式为 jinshan://figure/ID。</translation>
    </message>
    <message>
        <source>No figure has the id “%1”.</source>
        <translation>没有编号为“%1”的数据。</translation>
    </message>
</context>
<context>
    <name>FigureExports</name>
    <message>
        <source>No figure selected</source>
        <translation>未选择数据</translation>
    </message>
    <message>
        <source>Select a figure in the table first.</source>
        <translation>请先在表格中选择一项数据。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>No chart</source>
        <translation>没有图表</translation>
    </message>
    <message>
        <source>This figure has no chart to export.</source>
        <translation>这项数据没有可导出的图表。</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>将图表数据导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Sent %1 to the printer</source>
        <translation>已将“%1”发送到打印机</translation>
    </message>
</context>
<context>
    <name>FigureMenu</name>
    <message>
        <source>Copy c&amp;itation</source>
        <translation>复制引文(&amp;I)</translation>
    </message>
    <message>
        <source>Copy citation &amp;as</source>
        <translation>复制引文为(&amp;A)</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
</context>
<context>
    <name>FigurePage</name>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
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
        <translation>在所有主题中查找数据、事实和名称</translation>
    </message>
    <message>
        <source>A search is at most %1 characters long.</source>
        <translation>搜索内容最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommands</name>
    <message>
        <source>Import figures from CSV</source>
        <translation>从 CSV 导入数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Importing %1 figures…</source>
        <translation>正在导入 %1 项数据…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Imported %1 figures as batch %2</source>
        <translation>已导入 %1 项数据，批次 %2</translation>
    </message>
    <message>
        <source>Remove batch</source>
        <translation>移除批次</translation>
    </message>
    <message>
        <source>Remove import batch %1 and every figure it added?</source>
        <translation>移除导入批次 %1 及其添加的全部数据？</translation>
    </message>
    <message>
        <source>Remove failed</source>
        <translation>移除失败</translation>
    </message>
    <message numerus="yes">
        <source>Removed batch %1 (%n figures)</source>
        <translation>
            <numerusform>已移除批次 %1（%n 项数据）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import figures</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Check what the file brings, then import it.</source>
        <translation>尚未写入任何内容。请先核对文件内容，再导入。</translation>
    </message>
    <message>
        <source>This file cannot be imported. Nothing has been written.</source>
        <translation>此文件无法导入，未写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
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
        <translation>文件被拒绝：{count} 个问题；不导入任何内容。</translation>
    </message>
    <message>
        <source>Read {file} as {encoding}.</source>
        <translation>已按 {encoding} 读取 {file}。</translation>
    </message>
    <message>
        <source>{count} figure(s) to add; {present} already in the fact book.</source>
        <translation>将添加 {count} 项数据；{present} 项已在手册中。</translation>
    </message>
    <message>
        <source>New indicator: {name}</source>
        <translation>新指标：{name}</translation>
    </message>
    <message>
        <source>New source: {name}</source>
        <translation>新来源：{name}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 and does not read as GB18030 (it looks like {guess}); save it as UTF-8, or name its encoding (--encoding)</source>
        <translation>文件不是 UTF-8，也不能确定为 GB18030（看起来像 {guess}）；请另存为 UTF-8，或指明其编码（--encoding）</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a folder, device or named pipe)</source>
        <translation>{file} 不是普通文件（是文件夹、设备或命名管道）</translation>
    </message>
    <message>
        <source>the file cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>the file is larger than {size} MB</source>
        <translation>文件大于 {size} MB</translation>
    </message>
    <message>
        <source>the file cannot be read as {encoding}: {reason}</source>
        <translation>无法按 {encoding} 读取文件：{reason}</translation>
    </message>
    <message>
        <source>the file holds NUL characters: it is not a CSV text file</source>
        <translation>文件含有 NUL 字符：不是 CSV 文本文件</translation>
    </message>
    <message>
        <source>the file could not be checked: the temporary folder&apos;s disk is full</source>
        <translation>无法检查该文件：临时文件夹所在的磁盘已满</translation>
    </message>
    <message>
        <source>the file could not be checked: the temporary folder is read-only</source>
        <translation>无法检查该文件：临时文件夹为只读</translation>
    </message>
    <message>
        <source>the file could not be checked ({reason})</source>
        <translation>无法检查该文件（{reason}）</translation>
    </message>
    <message>
        <source>the file is not valid CSV ({reason})</source>
        <translation>文件不是有效的 CSV（{reason}）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>{count} fields where the header has {expected}</source>
        <translation>有 {count} 个字段，而表头有 {expected} 个</translation>
    </message>
    <message>
        <source>a field is longer than {limit} characters</source>
        <translation>有字段超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>the same figure as line {other} (indicator, period and source)</source>
        <translation>与第 {other} 行是同一项数据（指标、时期和来源相同）</translation>
    </message>
    <message>
        <source>the file has a header but no figures</source>
        <translation>文件只有表头，没有数据</translation>
    </message>
    <message>
        <source>the id {id} is also the id of line {other}</source>
        <translation>编号 {id} 也是第 {other} 行的编号</translation>
    </message>
    <message>
        <source>the id made for this row, {id}, is also made for line {other} (period {period!r}); give the rows an id column</source>
        <translation>为此行生成的编号 {id} 与第 {other} 行（时期 {period!r}）相同；请为各行加上 id 列</translation>
    </message>
    <message>
        <source>missing column(s): {columns} (use the columns of observations.csv)</source>
        <translation>缺少列：{columns}（请使用 observations.csv 的列）</translation>
    </message>
    <message>
        <source>unknown theme {theme!r}</source>
        <translation>未知主题 {theme!r}</translation>
    </message>
    <message>
        <source>unknown topic {topic!r} in theme {theme!r}</source>
        <translation>主题 {theme!r} 中没有专题 {topic!r}</translation>
    </message>
    <message>
        <source>unknown unit {unit!r}</source>
        <translation>未知单位 {unit!r}</translation>
    </message>
    <message>
        <source>the value {value!r} is not a number</source>
        <translation>数值 {value!r} 不是数字</translation>
    </message>
    <message>
        <source>the value {value!r} is not a number as written here (use . for decimals, and commas only between groups of three digits)</source>
        <translation>数值 {value!r} 的写法无法识别（小数点用 .，逗号只能用于三位一组的千位分隔）</translation>
    </message>
    <message>
        <source>the value {value!r} is too large to be kept</source>
        <translation>数值 {value!r} 过大，无法保存</translation>
    </message>
    <message>
        <source>the value {value!r} is too small to be kept (it would become 0)</source>
        <translation>数值 {value!r} 过小，无法保存（会变成 0）</translation>
    </message>
    <message>
        <source>the value {value!r} has more digits than can be kept exactly (at most {digits} significant digits and {decimals} decimals)</source>
        <translation>数值 {value!r} 的位数超出可精确保存的范围（最多 {digits} 位有效数字、{decimals} 位小数）</translation>
    </message>
    <message>
        <source>the unit {unit!r} is not the unit {unit_id}</source>
        <translation>单位 {unit!r} 不是单位 {unit_id}</translation>
    </message>
    <message>
        <source>the unit {unit!r} may mean {units}; add a unit_id column</source>
        <translation>单位 {unit!r} 可能指 {units}；请加上 unit_id 列</translation>
    </message>
    <message>
        <source>the period {period!r} is not understood (give a year or a period_kind)</source>
        <translation>无法理解时期 {period!r}（请给出年份或 period_kind）</translation>
    </message>
    <message>
        <source>the year {year!r} is not a year</source>
        <translation>{year!r} 不是年份</translation>
    </message>
    <message>
        <source>unknown qualifier {qualifier!r}; use {known}</source>
        <translation>未知限定词 {qualifier!r}；请使用 {known}</translation>
    </message>
    <message>
        <source>the source is missing</source>
        <translation>缺少来源</translation>
    </message>
    <message>
        <source>the locator (paragraph or part of the source) is missing</source>
        <translation>缺少位置（来源中的段落或部分）</translation>
    </message>
    <message>
        <source>the source {source} has no {locator} (it has {places})</source>
        <translation>来源 {source} 中没有 {locator}（它有 {places}）</translation>
    </message>
    <message>
        <source>{column} must be yes or no, not {text!r}</source>
        <translation>{column} 应为 yes 或 no，而不是 {text!r}</translation>
    </message>
    <message>
        <source>a derived figure needs its formula</source>
        <translation>推算数据需要公式</translation>
    </message>
    <message>
        <source>the formula cannot be computed: {reason}</source>
        <translation>无法计算公式：{reason}</translation>
    </message>
    <message>
        <source>the formula gives {computed}, not {value}</source>
        <translation>公式结果为 {computed}，而不是 {value}</translation>
    </message>
    <message>
        <source>the indicator is missing</source>
        <translation>缺少指标</translation>
    </message>
    <message>
        <source>the unit differs from the unit of the indicator {name!r}</source>
        <translation>单位与指标 {name!r} 的单位不同</translation>
    </message>
    <message>
        <source>Not imported, line {line}: {figure} {period} = {value} conflicts with {existing} = {present}</source>
        <translation>未导入，第 {line} 行：{figure} {period} = {value} 与已有的 {existing} = {present} 冲突</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jinshan Fact Book</source>
        <translation>金山区资料手册</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>%1 figures · %2 facts · %3 sources · data as of %4</source>
        <translation>%1 项数据 · %2 条事实 · %3 个来源 · 数据截至 %4</translation>
    </message>
    <message>
        <source>The database failed its integrity check: figures shown may be wrong or missing.</source>
        <translation>数据库未通过完整性检查：显示的数字可能有误或缺失。</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;The published facts of Jinshan District, Shanghai, with the document and paragraph of each figure.&lt;/p&gt;&lt;p&gt;Data as of %3: %4 figures, %5 facts from %6 sources.&lt;br&gt;Database: %7&lt;br&gt;Log file folder: %8&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;上海市金山区已发布的事实与数据，每项数据均注明出处文件和段落。&lt;/p&gt;&lt;p&gt;数据截至 %3：来自 %6 个来源的 %4 项数据、%5 条事实。&lt;br&gt;数据库：%7&lt;br&gt;日志文件夹：%8&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>资料来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import figures from CSV…</source>
        <translation>从 CSV 导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Imported &amp;batches…</source>
        <translation>已导入的批次(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export current table as CSV…</source>
        <translation>将当前表格导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;all tables as CSV…</source>
        <translation>将全部表格导出为 CSV(&amp;A)…</translation>
    </message>
    <message>
        <source>CSV e&amp;ncoding</source>
        <translation>CSV 编码(&amp;N)</translation>
    </message>
    <message>
        <source>Export in &amp;English</source>
        <translation>以英文导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>将图表导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export chart as &amp;SVG…</source>
        <translation>将图表导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>Export chart &amp;data as CSV…</source>
        <translation>将图表数据导出为 CSV(&amp;D)…</translation>
    </message>
    <message>
        <source>Export as PD&amp;F…</source>
        <translation>导出为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel)</source>
        <translation>带 BOM 的 UTF-8（适用于 Excel）</translation>
    </message>
</context>
<context>
    <name>ObservationTableModel</name>
    <message>
        <source>imported</source>
        <translation>导入</translation>
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
        <translation>发布</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>专题</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
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
        <translation>&lt;b&gt;金山区概览&lt;/b&gt;——各主题的主要数据；点击数据即可打开。</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <source>Sources</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Sources of the fact book</source>
        <translation>本手册的资料来源</translation>
    </message>
    <message>
        <source>date not given</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <source>descriptive title</source>
        <translation>描述性标题</translation>
    </message>
    <message>
        <source>written in %1</source>
        <translation>%1文献</translation>
    </message>
    <message>
        <source>official: the district government&apos;s own site or a company&apos;s filing to the stock exchange</source>
        <translation>区政府自己的网站，或公司向证券交易所提交的公告</translation>
    </message>
    <message>
        <source>an established news medium</source>
        <translation>有影响的新闻媒体</translation>
    </message>
    <message>
        <source>a national census count, as an encyclopedia reports it</source>
        <translation>全国人口普查数据，据百科全书转引</translation>
    </message>
    <message>
        <source>Each source has a grade, which says what kind of document it is:</source>
        <translation>每个来源都有等级，说明它是哪一类文献：</translation>
    </message>
    <message>
        <source>cited by %1 and %2</source>
        <translation>引用于%1和%2</translation>
    </message>
    <message numerus="yes">
        <source>%n figures</source>
        <translation>
            <numerusform>%n 项数据</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facts</source>
        <translation>
            <numerusform>%n 条事实</numerusform>
        </translation>
    </message>
    <message>
        <source>No address: the fact book&apos;s sources give none for this document.</source>
        <translation>无网址：本手册的资料中未给出该文献的网址。</translation>
    </message>
    <message>
        <source>grade %1</source>
        <translation>来源等级：%1</translation>
    </message>
</context>
<context>
    <name>TeamDatabase</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Team database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <source>Open &amp;team database…</source>
        <translation>打开团队数据库(&amp;T)…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Connected again to the team database.</source>
        <translation>已重新连接到团队数据库。</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <source>Open team database</source>
        <translation>打开团队数据库</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>您的登录名</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS 模式</translation>
    </message>
    <message>
        <source>A password is taken from ~/.pgpass or PGPASSWORD, or asked for; it is never saved.</source>
        <translation>密码取自 ~/.pgpass 或 PGPASSWORD，否则会询问；密码从不保存。</translation>
    </message>
</context>
<context>
    <name>ThemeMenu</name>
    <message>
        <source>&amp;System (follow the desktop)</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>外观(&amp;T)</translation>
    </message>
    <message>
        <source>Colours of the window: the desktop&apos;s, light or dark</source>
        <translation>窗口配色：跟随桌面、浅色或深色</translation>
    </message>
</context>
<context>
    <name>ThemeView</name>
    <message>
        <source>All topics</source>
        <translation>全部专题</translation>
    </message>
    <message>
        <source>Filter figures: type a word, a name, a year…</source>
        <translation>筛选数据：输入词语、名称或年份…</translation>
    </message>
    <message>
        <source>Select a figure or a fact to see where it comes from.</source>
        <translation>选择一项数据或事实，查看其出处。</translation>
    </message>
    <message>
        <source>Facts without a number</source>
        <translation>无数字的事实</translation>
    </message>
    <message>
        <source>A filter is at most %1 characters long.</source>
        <translation>筛选内容最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Counting figures…</source>
        <translation>正在统计数据…</translation>
    </message>
    <message>
        <source>%1 of %2 figures shown</source>
        <translation>显示 %1 / %2 项数据</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Select a figure to see its chart</source>
        <translation>选择一项数据以查看图表</translation>
    </message>
    <message>
        <source>Facts have no chart</source>
        <translation>事实没有图表</translation>
    </message>
    <message>
        <source>%1 has no trend and no related figure to compare it with</source>
        <translation>%1没有趋势，也没有可与之比较的相关数据</translation>
    </message>
    <message>
        <source>%1 has no trend, and its related figures cannot stand beside it: %2</source>
        <translation>%1没有趋势，其相关数据不宜与之并列比较：%2</translation>
    </message>
    <message>
        <source>not for a full year</source>
        <translation>并非全年数据</translation>
    </message>
    <message>
        <source>another currency or unit</source>
        <translation>货币或单位不同</translation>
    </message>
    <message>
        <source>another kind of figure (a plan beside an outcome, a stock beside a flow)</source>
        <translation>数据性质不同（计划数与实际数、存量与流量）</translation>
    </message>
    <message>
        <source>a part of it, or the whole it is part of</source>
        <translation>是其组成部分，或是包含它的总量</translation>
    </message>
    <message>
        <source>Compared: %1 and related figures</source>
        <translation>对比：%1及相关数据</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>%1 (%2) is not for a full year and is not drawn</source>
        <translation>%1（%2）不是全年数据，未绘出</translation>
    </message>
    <message>
        <source>%1 (%2) is not drawn: %3</source>
        <translation>%1（%2）未绘出：%3</translation>
    </message>
    <message>
        <source>Hollow markers and dashed lines: %1</source>
        <translation>空心标记和虚线：%1</translation>
    </message>
    <message>
        <source>derived figures (computed from published ones)</source>
        <translation>推算数（由已发布数据计算得出）</translation>
    </message>
    <message>
        <source>planned or expected figures</source>
        <translation>计划数或预期数</translation>
    </message>
    <message>
        <source>provisional figures (may be revised)</source>
        <translation>初步数（可能修订）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 and %2 more (each figure&apos;s source is in the table)</source>
        <translation>%1 等，另有 %2 个（各项数据的来源见表格）</translation>
    </message>
    <message>
        <source>%1 more figures are not drawn (not for a full year, or in another unit)</source>
        <translation>另有 %1 项数据未绘出（非全年数据，或单位不同）</translation>
    </message>
</context>
</TS>
