<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommentWatchPanel</name>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="80" />
        <source>Only negative and questions</source>
        <translation>只看负面和提问</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="85" />
        <source>Click a reply to copy it</source>
        <translation>点击话术即可复制</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="88" />
        <source>Edit keywords and replies…</source>
        <translation>编辑关键词和话术…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="96" />
        <source>Quick replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="157" />
        <source>Negative comments this minute: %1</source>
        <translation>本分钟负面评论：%1</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="168" />
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="191" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="191" />
        <source>Open a show first.</source>
        <translation>请先打开一场直播。</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="196" />
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="207" />
        <source>Product sheet</source>
        <translation>商品表</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="219" />
        <source>Import product sheet: %1</source>
        <translation>导入商品表：%1</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="228" />
        <source>Plan</source>
        <translation>直播脚本</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="242" />
        <source>Import plan: %1</source>
        <translation>导入脚本：%1</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="254" />
        <source>Export plan</source>
        <translation>导出直播脚本</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="267" />
        <source>Product template</source>
        <translation>商品表模板</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="277" />
        <source>Platform export</source>
        <translation>平台导出数据</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="48" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="48" />
        <source>SKU / segment</source>
        <translation>SKU / 环节</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="48" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="48" />
        <source>What changes</source>
        <translation>改动内容</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="48" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="56" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="69" />
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="79" />
        <source>Nothing to change: the show already has what the file says.</source>
        <translation>无需修改：本场直播已与文件内容一致。</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="87" />
        <source>The show changed since this preview (a sale, a product on shelf): check the changes again and Apply.</source>
        <translation>预览后直播状态已变化（有成交或商品上架）：请重新核对改动后再点击“应用”。</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="96" />
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="96" />
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="96" />
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="97" />
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="97" />
        <source>refused</source>
        <translation>不采用</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="104" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="104" />
        <source>role</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="104" />
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="104" />
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="105" />
        <source>selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="105" />
        <source>promo</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="105" />
        <source>kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="106" />
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="106" />
        <source>minutes</source>
        <translation>时长(分钟)</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="106" />
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="107" />
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="107" />
        <source>order of the segments</source>
        <translation>环节顺序</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="108" />
        <source>GMV target</source>
        <translation>目标GMV</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_preview.py" line="108" />
        <source>order target</source>
        <translation>目标订单数</translation>
    </message>
</context>
<context>
    <name>KeywordDialog</name>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="190" />
        <source>Comment watch</source>
        <translation>评论监控</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="195" />
        <source>Negative words (负面舆情), one a line</source>
        <translation>负面舆情关键词（每行一个）</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="196" />
        <source>Question words, one a line</source>
        <translation>提问关键词（每行一个）</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/comment_panel.py" line="197" />
        <source>Quick replies, one a line</source>
        <translation>快捷回复（每行一条）</translation>
    </message>
</context>
<context>
    <name>LanPanel</name>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Browser views (phone, tablet, OBS)</source>
        <translation>浏览器视图（手机、平板、OBS）</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Also listen on the local network</source>
        <translation>同时在局域网上监听</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Other devices on this network can then reach the API: they still need a token</source>
        <translation>此后同一网络中的其他设备可以访问本地接口，但仍需令牌</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Host display</source>
        <translation>主播提词屏</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Assistant card</source>
        <translation>助播卡片</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Show status</source>
        <translation>直播状态</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Start the local API to open the views in a browser.</source>
        <translation>启动本地接口后即可在浏览器中打开视图。</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>Scan with a phone or tablet on the same network. The link can only read the show, never send commands.</source>
        <translation>请用同一网络中的手机或平板扫码。此链接只能查看直播，不能发送指令。</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>This computer has no local-network address now: the views open on it only.</source>
        <translation>本机当前没有局域网地址：视图只能在本机打开。</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/lan_panel.py" line="0" />
        <source>This computer only (for a second screen or OBS). Tick the box above and restart the API to open the views on phones and tablets.</source>
        <translation>仅限本机（用于第二块屏幕或 OBS）。勾选上方选项并重启本地接口，即可在手机和平板上打开视图。</translation>
    </message>
</context>
<context>
    <name>LiveData</name>
    <message>
        <location filename="../../controlroom/ui/live_data/__init__.py" line="30" />
        <source>Comment watch</source>
        <translation>评论监控</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/__init__.py" line="31" />
        <source>Live data sources</source>
        <translation>实时数据来源</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/__init__.py" line="39" />
        <source>Import product sheet…</source>
        <translation>导入商品表…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/__init__.py" line="40" />
        <source>Download product sheet template…</source>
        <translation>下载商品表模板…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/__init__.py" line="41" />
        <source>Import plan from Excel…</source>
        <translation>从 Excel 导入直播脚本…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/__init__.py" line="42" />
        <source>Export plan to Excel…</source>
        <translation>导出直播脚本到 Excel…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/__init__.py" line="43" />
        <source>Import platform export (trend or orders)…</source>
        <translation>导入平台导出数据（趋势或订单）…</translation>
    </message>
</context>
<context>
    <name>PlatformImportDialog</name>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="86" />
        <source>Import platform export: %1</source>
        <translation>导入平台导出数据：%1</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="88" />
        <source>Per-minute trend</source>
        <translation>分钟趋势</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="89" />
        <source>Order list</source>
        <translation>订单列表</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="98" />
        <source>from the header (累计 = running total)</source>
        <translation>按表头判断（含“累计”即为累计值）</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="99" />
        <source>running totals</source>
        <translation>累计值</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="100" />
        <source>per minute</source>
        <translation>每分钟值</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="103" />
        <source>Only minutes the live feed has no data for (fill gaps)</source>
        <translation>只导入实时数据缺失的分钟（补缺）</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="104" />
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="114" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="115" />
        <source>Time zone of the file's times</source>
        <translation>文件中时间的时区</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="116" />
        <source>Date for times without one</source>
        <translation>无日期时间所用日期</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="117" />
        <source>GMV / order columns</source>
        <translation>成交额/订单数列</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="120" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="126" />
        <source>First rows of the file</source>
        <translation>文件前几行</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="148" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="174" />
        <source>Nothing was imported:</source>
        <translation>未导入任何内容：</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/import_dialogs.py" line="180" />
        <source>Importing %1 rows of %2…</source>
        <translation>正在导入 %2 的 %1 行…（直播照常进行）</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="57" />
        <source>Local API</source>
        <translation>本地接口</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="58" />
        <source>Take events over HTTP / WebSocket</source>
        <translation>通过 HTTP / WebSocket 接收数据</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="62" />
        <source>Copy token</source>
        <translation>复制令牌</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="70" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="71" />
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="76" />
        <source>Follow a file (JSON lines)</source>
        <translation>跟踪文件（JSON 行）</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="78" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="80" />
        <source>Read the lines already in the file</source>
        <translation>读取文件中已有的行</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="81" />
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="180" />
        <source>Start following</source>
        <translation>开始跟踪</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="88" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="114" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="135" />
        <source>Listening on %1/api/v1/events</source>
        <translation>正在监听 %1/api/v1/events</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="145" />
        <source>Token copied</source>
        <translation>令牌已复制</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="150" />
        <source>File to follow</source>
        <translation>要跟踪的文件</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="150" />
        <source>JSON lines (*.jsonl *.json *.log *.txt);;All files (*)</source>
        <translation>JSON 行文件 (*.jsonl *.json *.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="164" />
        <source>Choose a file first</source>
        <translation>请先选择文件</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="169" />
        <source>Stop following</source>
        <translation>停止跟踪</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/live_data/sources_panel.py" line="188" />
        <source>%1 lines, %2 events taken, %3 duplicate orders, %4 bad lines skipped</source>
        <translation>%1 行，接收 %2 条事件，重复订单 %3 条，跳过错误行 %4 行</translation>
    </message>
</context>
<context>
    <name>SourceRows</name>
    <message>
        <source>Connectors</source>
        <translation>连接器</translation>
    </message>
    <message>
        <source>TikTok LIVE</source>
        <translation>TikTok 直播</translation>
    </message>
    <message>
        <source>Douyin comment relay</source>
        <translation>抖音弹幕中继</translation>
    </message>
    <message>
        <source>OBS stream health</source>
        <translation>OBS 推流状态</translation>
    </message>
    <message>
        <source>Room @handle</source>
        <translation>直播间 @账号</translation>
    </message>
    <message>
        <source>WebSocket URL</source>
        <translation>WebSocket 地址</translation>
    </message>
    <message>
        <source>Relay format</source>
        <translation>中继格式</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Stalled: nothing coming in</source>
        <translation>停滞：没有数据进来</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1 · %2 events/min · last event %3 · %4 errors</source>
        <translation>%1 · 每分钟 %2 条 · 最近一条 %3 · %4 个错误</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
</TS>
