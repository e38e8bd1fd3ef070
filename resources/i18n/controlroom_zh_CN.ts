<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1: reading was cancelled</source>
        <translation>%1：已取消读取</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>No alerts</source>
        <translation>暂无警报</translation>
    </message>
    <message>
        <source>%1 alert(s), %2 critical</source>
        <translation>%1 条警报，%2 条严重</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Interaction rate (%)</source>
        <translation>互动率 (%)</translation>
    </message>
    <message>
        <source>GMV per minute (¥)</source>
        <translation>每分钟成交额 (¥)</translation>
    </message>
    <message>
        <source>GMV cumulative (¥)</source>
        <translation>累计成交额 (¥)</translation>
    </message>
    <message>
        <source>Orders per minute</source>
        <translation>每分钟订单</translation>
    </message>
    <message>
        <source>Orders cumulative</source>
        <translation>累计订单</translation>
    </message>
    <message>
        <source>Whole show</source>
        <translation>整场</translation>
    </message>
    <message>
        <source>Last minutes:</source>
        <translation>最近分钟数：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>%1 of %2 ready</source>
        <translation>已就绪 %1 / %2</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <source>Row %1, %2: “%3” is not valid</source>
        <translation>第 %1 行，%2：“%3”无效</translation>
    </message>
</context>
<context>
    <name>HostDisplay</name>
    <message>
        <source>Host display</source>
        <translation>主播提词屏</translation>
    </message>
    <message>
        <source>Repeat (×%2): %1</source>
        <translation>重复口播（已 %2 次）：%1</translation>
    </message>
    <message>
        <source>%1 / %2 orders</source>
        <translation>%1 / %2 单</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>直播已结束</translation>
    </message>
    <message>
        <source>Show length %1 (planned %2)</source>
        <translation>本场时长 %1（计划 %2）</translation>
    </message>
    <message>
        <source>Ended at %1</source>
        <translation>结束于 %1</translation>
    </message>
    <message>
        <source>Show over by %1</source>
        <translation>直播超时 %1</translation>
    </message>
    <message>
        <source>Show left %1</source>
        <translation>直播剩余 %1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一个：%1</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Controller's log</source>
        <translation>场控记录</translation>
    </message>
    <message>
        <source>Controller actions</source>
        <translation>场控操作</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Shares, follows, gifts</source>
        <translation>分享、关注、礼物</translation>
    </message>
    <message>
        <source>Notes and incidents</source>
        <translation>备注与事故</translation>
    </message>
    <message>
        <source>Note for the log</source>
        <translation>日志备注</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Technical failure</source>
        <translation>技术故障</translation>
    </message>
    <message>
        <source>Negative comments</source>
        <translation>负面评论</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>发生了什么？</translation>
    </message>
    <message>
        <source>What happened (stutter, black screen, …)</source>
        <translation>发生了什么（卡顿、黑屏……）</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>开始事故</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>结束事故</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>直播(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Start / Pause</source>
        <translation>开始 / 暂停</translation>
    </message>
    <message>
        <source>Previous segment</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <source>Next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Extend +1 min</source>
        <translation>延长 1 分钟</translation>
    </message>
    <message>
        <source>Mark interaction</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <source>Promo repeated</source>
        <translation>已重复优惠</translation>
    </message>
    <message>
        <source>End show…</source>
        <translation>结束直播…</translation>
    </message>
    <message>
        <source>Undo last action</source>
        <translation>撤销上一步操作</translation>
    </message>
    <message>
        <source>Selected product on / off shelf</source>
        <translation>所选商品上架 / 下架</translation>
    </message>
    <message>
        <source>Selected product: explaining now</source>
        <translation>所选商品：开始讲解</translation>
    </message>
    <message>
        <source>Product queue</source>
        <translation>商品队列</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Live charts</source>
        <translation>实时图表</translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Manual entry</source>
        <translation>手动录入</translation>
    </message>
    <message>
        <source>Pre-show checklist</source>
        <translation>开播检查</translation>
    </message>
    <message>
        <source>New show…</source>
        <translation>新建直播…</translation>
    </message>
    <message>
        <source>Open show…</source>
        <translation>打开直播…</translation>
    </message>
    <message>
        <source>Recent shows</source>
        <translation>最近的直播</translation>
    </message>
    <message>
        <source>Export recap…</source>
        <translation>导出复盘…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Edit plan and products…</source>
        <translation>编辑脚本与商品…</translation>
    </message>
    <message>
        <source>Host display</source>
        <translation>主播提词屏</translation>
    </message>
    <message>
        <source>Host display full screen</source>
        <translation>提词屏全屏</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Show settings…</source>
        <translation>直播设置…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Sound cue for new alerts</source>
        <translation>新警报提示音</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start show</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <source>No show is open.</source>
        <translation>没有打开的直播。</translation>
    </message>
    <message>
        <source>End show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source>End the show now? The timer stops and the recap is made from the log.</source>
        <translation>现在结束直播吗？计时停止，复盘将根据日志生成。</translation>
    </message>
    <message>
        <source>Sent to the host display.</source>
        <translation>已发送到主播提词屏。</translation>
    </message>
    <message>
        <source>Move the selected product in the queue</source>
        <translation>在商品队列中移动所选商品</translation>
    </message>
    <message>
        <source>In a text field: send or add it, and hand the keys back to the show</source>
        <translation>在输入框中：发送或添加，并把按键交还给直播控制</translation>
    </message>
    <message>
        <source>Leave a text field (nothing is changed)</source>
        <translation>离开输入框（不做任何更改）</translation>
    </message>
    <message>
        <source>On the host display: full screen / leave full screen</source>
        <translation>在主播提词屏上：全屏 / 退出全屏</translation>
    </message>
    <message>
        <source>The show's keys do not fire while you type in a text field. Space, Enter and letters never act on the show: the buttons take no keyboard focus and the queue ignores typing.</source>
        <translation>在输入框中打字时，直播快捷键不会触发。空格、回车和字母键永远不会操作直播：按钮不接收键盘焦点，商品队列忽略打字。</translation>
    </message>
    <message>
        <source>This show is already open.</source>
        <translation>这场直播已经打开了。</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Select a product in the queue first.</source>
        <translation>请先在商品队列中选中一个商品。</translation>
    </message>
    <message>
        <source>Quit during the show?</source>
        <translation>直播中退出？</translation>
    </message>
    <message>
        <source>The show is still running. Quit anyway? The host display goes dark; the log keeps everything, and starting again returns to the show.</source>
        <translation>直播仍在进行。仍要退出吗？主播提词屏会熄灭；日志保留一切，再次启动会回到这场直播。</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>留下</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>仍然退出</translation>
    </message>
</context>
<context>
    <name>ManualEntryPanel</name>
    <message>
        <source>e.g. 1520</source>
        <translation>例如 1520</translation>
    </message>
    <message>
        <source>total so far, e.g. 35600.50</source>
        <translation>至今累计，例如 35600.50</translation>
    </message>
    <message>
        <source>total so far, e.g. 412</source>
        <translation>至今累计，例如 412</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>GMV total (¥)</source>
        <translation>累计成交额 (¥)</translation>
    </message>
    <message>
        <source>Orders total</source>
        <translation>累计订单数</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>GMV total</source>
        <translation>累计成交额</translation>
    </message>
    <message>
        <source>Type at least one figure.</source>
        <translation>请至少填写一个数字。</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已记录。</translation>
    </message>
</context>
<context>
    <name>NewShowDialog</name>
    <message>
        <source>New show</source>
        <translation>新建直播</translation>
    </message>
    <message>
        <source>Live show %1</source>
        <translation>直播 %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>empty: the sample catalogue</source>
        <translation>留空：使用示例商品</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Rehearsal: the simulator plays the audience</source>
        <translation>彩排：由模拟器扮演观众</translation>
    </message>
    <message>
        <source>× faster</source>
        <translation>倍速</translation>
    </message>
    <message>
        <source>Training: the timer, the cues and the simulated room run this many times faster</source>
        <translation>培训用：计时、提示和模拟观众按此倍数加速</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Planned length</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>Product sheet</source>
        <translation>商品表</translation>
    </message>
    <message>
        <source>Rehearsal speed</source>
        <translation>彩排速度</translation>
    </message>
    <message>
        <source>Title: please give the show a title.</source>
        <translation>标题：请为直播填写标题。</translation>
    </message>
</context>
<context>
    <name>OpenShowDialog</name>
    <message>
        <source>Open show</source>
        <translation>打开直播</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交额</translation>
    </message>
    <message>
        <source>Other database…</source>
        <translation>其他数据库…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Plan and products</source>
        <translation>脚本与商品</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Default plan</source>
        <translation>默认脚本</translation>
    </message>
    <message>
        <source>Fill targets</source>
        <translation>填入目标</translation>
    </message>
    <message>
        <source>Import product sheet…</source>
        <translation>导入商品表…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Reading the room's earlier shows…</source>
        <translation>正在读取本直播间以往场次…</translation>
    </message>
    <message>
        <source>The room's earlier shows could not be read: %1</source>
        <translation>无法读取本直播间以往场次：%1</translation>
    </message>
    <message>
        <source>Targets filled for %1 product slots from the room's earlier shows.</source>
        <translation>已按本直播间以往场次为 %1 个产品环节填入目标。</translation>
    </message>
    <message>
        <source>%1 slots left empty: the room has no history of their product.</source>
        <translation>%1 个环节未填：本直播间没有该商品的历史数据。</translation>
    </message>
    <message>
        <source>Apply to save.</source>
        <translation>点击应用以保存。</translation>
    </message>
    <message>
        <source>Product sheet</source>
        <translation>商品表</translation>
    </message>
    <message>
        <source>%1 products added, %2 updated; products in use keep their name, role and stock history. Apply to save.</source>
        <translation>新增 %1 个商品，更新 %2 个；使用中的商品保留名称、类型和库存记录。点击“应用”保存。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>优惠</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>On shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交额</translation>
    </message>
    <message>
        <source>Sells out</source>
        <translation>预计售罄</translation>
    </message>
    <message>
        <source>Click the box, or select the row and press %1</source>
        <translation>点击勾选框，或选中该行后按 %1</translation>
    </message>
    <message>
        <source>Select the row and press %1: explaining it now</source>
        <translation>选中该行后按 %1：开始讲解该商品</translation>
    </message>
    <message>
        <source>Drag a row, or select it and press Ctrl+↑ / Ctrl+↓, to move it</source>
        <translation>拖动一行，或选中后按 Ctrl+↑ / Ctrl+↓ 来移动</translation>
    </message>
    <message>
        <source>When a product on shelf sells out at its current order rate (the last 1 to 5 minutes)</source>
        <translation>在架商品按当前下单速度（最近 1 至 5 分钟）预计多久售罄</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>库存紧张</translation>
    </message>
    <message>
        <source>≈ %1 min</source>
        <translation>≈ %1 分钟</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Find a product (name or SKU)</source>
        <translation>搜索商品（名称或 SKU）</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>GMV target (¥)</source>
        <translation>目标GMV（元）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Order target</source>
        <translation>目标订单数</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Show settings</source>
        <translation>直播设置</translation>
    </message>
    <message>
        <source>Opening (min)</source>
        <translation>开场（分钟）</translation>
    </message>
    <message>
        <source>Product slot: warn at (min)</source>
        <translation>产品讲解：提醒于（分钟）</translation>
    </message>
    <message>
        <source>Product slot: overrun after (min)</source>
        <translation>产品讲解：超时于（分钟）</translation>
    </message>
    <message>
        <source>Interaction segment length (min)</source>
        <translation>互动环节时长（分钟）</translation>
    </message>
    <message>
        <source>Interaction reminder after (min)</source>
        <translation>互动提醒间隔（分钟）</translation>
    </message>
    <message>
        <source>Interaction alarm after (min)</source>
        <translation>互动警报间隔（分钟）</translation>
    </message>
    <message>
        <source>Final push: last (min)</source>
        <translation>逼单：最后（分钟）</translation>
    </message>
    <message>
        <source>Closing (min)</source>
        <translation>结束语（分钟）</translation>
    </message>
    <message>
        <source>Other segments: warn before the end (min)</source>
        <translation>其他环节：结束前提醒（分钟）</translation>
    </message>
    <message>
        <source>Promo repeats: at least</source>
        <translation>优惠口播：至少</translation>
    </message>
    <message>
        <source>Promo repeats: at most</source>
        <translation>优惠口播：至多</translation>
    </message>
    <message>
        <source>Low stock at (units)</source>
        <translation>库存紧张阈值（件）</translation>
    </message>
    <message>
        <source>Viewer drop alert (%)</source>
        <translation>在线下降警报（%）</translation>
    </message>
    <message>
        <source>Viewer drop window (min)</source>
        <translation>在线下降观察窗口（分钟）</translation>
    </message>
    <message>
        <source>Negative comments per minute for an alert</source>
        <translation>每分钟负面评论警报阈值</translation>
    </message>
    <message>
        <source>Low conversion (%)</source>
        <translation>低转化率（%）</translation>
    </message>
    <message>
        <source>Live data accepted from before the show (h)</source>
        <translation>开播前多久的实时数据可接收（小时）</translation>
    </message>
    <message>
        <source>Live data accepted ahead of now (min)</source>
        <translation>比当前时间超前多久的实时数据可接收（分钟）</translation>
    </message>
    <message>
        <source>Moving onto a product slot puts it on shelf (and the previous one off)</source>
        <translation>进入商品讲解环节时自动上架该商品（并下架上一个）</translation>
    </message>
    <message>
        <source>OBS: congestion incident at (%)</source>
        <translation>OBS：拥塞达到（%）记为事故</translation>
    </message>
    <message>
        <source>OBS: bitrate incident below (kbps, 0 = off)</source>
        <translation>OBS：码率低于（千比特/秒，0 = 不检查）记为事故</translation>
    </message>
    <message>
        <source>OBS: low bitrate for at least (s)</source>
        <translation>OBS：码率过低持续（秒）</translation>
    </message>
    <message>
        <source>OBS: skipped frames incident above (%)</source>
        <translation>OBS：跳帧超过（%）记为事故</translation>
    </message>
    <message>
        <source>OBS: unreachable or not streaming for (s)</source>
        <translation>OBS：连不上或未推流持续（秒）</translation>
    </message>
    <message>
        <source>OBS: incident closes after recovering for (s)</source>
        <translation>OBS：恢复持续（秒）后关闭事故</translation>
    </message>
    <message>
        <source>OBS scenes by segment kind (product=Scene; interaction=Scene)</source>
        <translation>按环节切换 OBS 场景（产品讲解=场景；互动=场景）</translation>
    </message>
    <message>
        <source>Room's usual: the last (shows)</source>
        <translation>常态对比：最近（场）</translation>
    </message>
    <message>
        <source>Below-usual alert at (% below, 0 = off)</source>
        <translation>低于常态警报（低于 %，0 = 关闭）</translation>
    </message>
    <message>
        <source>Below-usual alert: held for (min)</source>
        <translation>低于常态警报：持续（分钟）</translation>
    </message>
    <message>
        <source>Sell-out alert: sells out within (min, 0 = off)</source>
        <translation>售罄预警：预计售罄前（分钟，0 = 关闭）</translation>
    </message>
    <message>
        <source>Host display: show the slot's sales against its targets</source>
        <translation>主播屏：显示本环节成交对比目标</translation>
    </message>
    <message>
        <source>Recap: a slot's tail after it ends (min)</source>
        <translation>复盘：环节结束后的尾部统计（分钟）</translation>
    </message>
</context>
<context>
    <name>SheetProblem</name>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>cannot be read ({detail})</source>
        <translation>无法读取（{detail}）</translation>
    </message>
    <message>
        <source>an Excel 97–2003 (.xls) file: save it as .xlsx (or .csv) and import that</source>
        <translation>这是旧版 Excel 97–2003 文件：请另存为 .xlsx（或 .csv）后再导入</translation>
    </message>
    <message>
        <source>use an .xlsx or .csv file</source>
        <translation>请使用 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>the sheet is empty</source>
        <translation>表格是空的</translation>
    </message>
    <message>
        <source>more than {limit} columns; a {what} has at most {limit}</source>
        <translation>超过 {limit} 列；{what}最多 {limit} 列</translation>
    </message>
    <message>
        <source>more than {limit} rows of data; a {what} has at most {limit}</source>
        <translation>数据超过 {limit} 行；{what}最多 {limit} 行</translation>
    </message>
    <message>
        <source>more than {limit} filled cells; a {what} has at most {limit}</source>
        <translation>非空单元格超过 {limit} 个；{what}最多 {limit} 个</translation>
    </message>
    <message>
        <source>more than {limit} cells, blank ones included; a {what} holds at most {limit} (delete the columns you do not need)</source>
        <translation>单元格（含空白单元格）超过 {limit} 个；{what}最多 {limit} 个（请删除不需要的列）</translation>
    </message>
    <message>
        <source>the text is {length} characters long; a {what} cell holds at most {limit}</source>
        <translation>文字长 {length} 字；{what}的一个单元格最多 {limit} 字</translation>
    </message>
    <message>
        <source>more than {limit} characters of text; a {what} holds at most {limit}</source>
        <translation>文字超过 {limit} 字；{what}最多 {limit} 字</translation>
    </message>
    <message>
        <source>a formula without a saved value; save the sheet in Excel (or paste values)</source>
        <translation>公式没有保存的计算结果；请在 Excel 中保存表格（或粘贴为数值）</translation>
    </message>
    <message>
        <source>the file is {size} MB; a CSV may be at most {limit} MB</source>
        <translation>文件有 {size} MB；CSV 文件最大 {limit} MB</translation>
    </message>
    <message>
        <source>a cell is longer than {limit} characters</source>
        <translation>有单元格超过 {limit} 字</translation>
    </message>
    <message>
        <source>not a CSV row ({detail})</source>
        <translation>不是有效的 CSV 行（{detail}）</translation>
    </message>
    <message>
        <source>not UTF-8 or GB18030 text</source>
        <translation>文字编码不是 UTF-8 或 GB18030</translation>
    </message>
    <message>
        <source>a line longer than {limit} bytes</source>
        <translation>有一行超过 {limit} 字节</translation>
    </message>
    <message>
        <source>not an .xlsx workbook (it is not a zip file); save it again from Excel</source>
        <translation>不是 .xlsx 工作簿（文件格式不对）；请用 Excel 重新保存</translation>
    </message>
    <message>
        <source>the workbook has {count} parts; at most {limit}</source>
        <translation>工作簿有 {count} 个组成部分；最多 {limit} 个</translation>
    </message>
    <message>
        <source>the workbook would unpack to {size} MB; at most {limit} MB (nothing was read)</source>
        <translation>工作簿解压后有 {size} MB；最多 {limit} MB（未读取任何内容）</translation>
    </message>
    <message>
        <source>{part} is packed {ratio}:1 (a zip bomb?); a workbook's parts pack at most {limit}:1 (nothing was read)</source>
        <translation>{part} 的压缩比为 {ratio}:1（疑似压缩炸弹）；工作簿各部分的压缩比最多 {limit}:1（未读取任何内容）</translation>
    </message>
    <message>
        <source>the workbook's text table is {size} MB; at most {limit} MB</source>
        <translation>工作簿的文字表有 {size} MB；最多 {limit} MB</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>工作簿中没有工作表</translation>
    </message>
    <message>
        <source>the sheet's XML nests deeper than {limit}</source>
        <translation>表格文件的嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>a cell made of more than {limit} parts</source>
        <translation>有单元格由超过 {limit} 个部分组成</translation>
    </message>
    <message>
        <source>more cells than Excel has columns ({limit})</source>
        <translation>单元格数超过 Excel 的列数（{limit}）</translation>
    </message>
    <message>
        <source>more rows than Excel has ({limit})</source>
        <translation>行数超过 Excel 的上限（{limit}）</translation>
    </message>
    <message>
        <source>{value} is not a row number of Excel's (1–{limit})</source>
        <translation>{value} 不是 Excel 的行号（1–{limit}）</translation>
    </message>
    <message>
        <source>cell {cell} cannot be read ({detail})</source>
        <translation>单元格 {cell} 无法读取（{detail}）</translation>
    </message>
    <message>
        <source>column {number} is past Excel's last column ({limit})</source>
        <translation>第 {number} 列超出了 Excel 的最后一列（{limit}）</translation>
    </message>
    <message>
        <source>the reader sent more than {limit} bytes (nothing was imported)</source>
        <translation>读取进程发送了超过 {limit} 字节（未导入任何内容）</translation>
    </message>
    <message>
        <source>the reader sent a frame of {size} bytes (nothing was imported)</source>
        <translation>读取进程发送了 {size} 字节的数据块（未导入任何内容）</translation>
    </message>
    <message>
        <source>the reader's output is broken ({detail}) (nothing was imported)</source>
        <translation>读取进程的输出已损坏（{detail}）（未导入任何内容）</translation>
    </message>
    <message>
        <source>more than {limit} rows of data (nothing was imported)</source>
        <translation>数据超过 {limit} 行（未导入任何内容）</translation>
    </message>
    <message>
        <source>the file changed since it was read: import it again (nothing was imported)</source>
        <translation>读取之后文件已被改动：请重新导入（未导入任何内容）</translation>
    </message>
    <message>
        <source>missing column {field} ({names})</source>
        <translation>缺少“{field}”列（{names}）</translation>
    </message>
    <message>
        <source>{count} products: at most {limit} in one sheet</source>
        <translation>{count} 个商品：一张表最多 {limit} 个</translation>
    </message>
    <message>
        <source>{label} {value} repeats row {first}</source>
        <translation>{value} 与第 {first} 行重复</translation>
    </message>
    <message>
        <source>the sheet has no {what} rows</source>
        <translation>表格中没有{what}行</translation>
    </message>
    <message>
        <source>unknown role {value} (use traffic/profit/image)</source>
        <translation>未知的类型 {value}（请用 引流款/利润款/形象款）</translation>
    </message>
    <message>
        <source>{value} is not a price ≥ 0</source>
        <translation>{value} 不是 ≥ 0 的价格</translation>
    </message>
    <message>
        <source>{value} is not a whole number ≥ 0</source>
        <translation>{value} 不是 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>the {label} is empty</source>
        <translation>{field}为空</translation>
    </message>
    <message>
        <source>the {label} has a line break; a {label} is one line</source>
        <translation>{field}中有换行；{field}只能写一行</translation>
    </message>
    <message>
        <source>the {label} is {length} characters long; at most {limit}</source>
        <translation>{field}长 {length} 字；最多 {limit} 字</translation>
    </message>
    <message>
        <source>the text is {length} characters long; at most {limit}</source>
        <translation>文字长 {length} 字；最多 {limit} 字</translation>
    </message>
    <message>
        <source>{count} segments: at most {limit} in one plan</source>
        <translation>{count} 个环节：一份流程最多 {limit} 个</translation>
    </message>
    <message>
        <source>{value} is not a kind (opening/product/interaction/final push/closing/free)</source>
        <translation>{value} 不是环节类型（开场/产品讲解/互动/逼单/结束语/自由）</translation>
    </message>
    <message>
        <source>{value} is not a number of minutes between 0 and {limit}</source>
        <translation>{value} 不是 0 到 {limit} 之间的分钟数</translation>
    </message>
    <message>
        <source>{value} is neither a SKU nor a product name of this show</source>
        <translation>{value} 既不是本场直播的 SKU，也不是本场的商品名称</translation>
    </message>
    <message>
        <source>a product slot needs a product</source>
        <translation>产品讲解环节需要指定商品</translation>
    </message>
    <message>
        <source>no column chosen for {field}</source>
        <translation>没有为“{field}”选择列</translation>
    </message>
    <message>
        <source>choose at least one of online, gmv, orders</source>
        <translation>请至少选择在线人数、成交额、订单数中的一项</translation>
    </message>
    <message>
        <source>{field} is not a field of a {kind} export</source>
        <translation>“{field}”不是{kind}导出的字段</translation>
    </message>
    <message>
        <source>column {number} for {field} does not exist</source>
        <translation>“{field}”对应的第 {number} 列不存在</translation>
    </message>
    <message>
        <source>{count} rows: at most {limit} in one export</source>
        <translation>{count} 行：一份导出最多 {limit} 行</translation>
    </message>
    <message>
        <source>{value} is not a number ≥ 0</source>
        <translation>{value} 不是 ≥ 0 的数</translation>
    </message>
    <message>
        <source>{value} is not a time</source>
        <translation>{value} 不是时间</translation>
    </message>
    <message>
        <source>{value} has no date: give the show's date</source>
        <translation>{value} 没有日期：请填写直播日期</translation>
    </message>
    <message>
        <source>{value} is not a time (use 2026-01-01 20:05 or 20:05)</source>
        <translation>{value} 不是时间（请写成 2026-01-01 20:05 或 20:05）</translation>
    </message>
    <message>
        <source>a running total went down</source>
        <translation>累计值变小了</translation>
    </message>
    <message>
        <source>{count} minutes ({first}–{last}) already have live {what} in the log: nothing imported. Import only the missing minutes (fill gaps), or use another show.</source>
        <translation>{count} 分钟（{first}–{last}）在记录中已有实时{what}：未导入任何内容。请只导入缺少的分钟（补缺），或换一场直播。</translation>
    </message>
    <message>
        <source>order {value} repeats row {first}</source>
        <translation>订单 {value} 与第 {first} 行重复</translation>
    </message>
    <message>
        <source>the order id is empty</source>
        <translation>订单号为空</translation>
    </message>
    <message>
        <source>the amount is empty</source>
        <translation>金额为空</translation>
    </message>
    <message>
        <source>a quantity of 0 is not an order</source>
        <translation>数量为 0 不算订单</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>role</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>promo</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>segment kind</source>
        <translation>环节类型</translation>
    </message>
    <message>
        <source>segment title</source>
        <translation>环节标题</translation>
    </message>
    <message>
        <source>minutes of the segment</source>
        <translation>环节时长（分钟）</translation>
    </message>
    <message>
        <source>the product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>segment notes</source>
        <translation>环节备注</translation>
    </message>
    <message>
        <source>GMV target of the segment</source>
        <translation>环节的目标GMV</translation>
    </message>
    <message>
        <source>order target of the segment</source>
        <translation>环节的目标订单数</translation>
    </message>
    <message>
        <source>segment ID</source>
        <translation>环节 ID</translation>
    </message>
    <message>
        <source>the time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交额</translation>
    </message>
    <message>
        <source>order count</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>amount paid</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>product sheet</source>
        <translation>商品表</translation>
    </message>
    <message>
        <source>run of show sheet</source>
        <translation>流程表</translation>
    </message>
    <message>
        <source>platform export</source>
        <translation>平台导出文件</translation>
    </message>
    <message>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>viewer figures</source>
        <translation>在线人数数据</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销售数据</translation>
    </message>
    <message>
        <source>viewer figures and sales</source>
        <translation>在线人数和销售数据</translation>
    </message>
    <message>
        <source>per-minute trend</source>
        <translation>分钟趋势</translation>
    </message>
    <message>
        <source>order list</source>
        <translation>订单列表</translation>
    </message>
    <message>
        <source>{file}: {text}</source>
        <translation>{file}：{text}</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {why}</source>
        <translation>第 {row} 行，“{column}”列：{why}</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({field}): {why}</source>
        <translation>第 {row} 行，{field}（“{column}”列）：{why}</translation>
    </message>
    <message>
        <source>row {row}: {why}</source>
        <translation>第 {row} 行：{why}</translation>
    </message>
    <message>
        <source>column {column}: {why}</source>
        <translation>“{column}”列：{why}</translation>
    </message>
    <message>
        <source>column {column} ({field}): {why}</source>
        <translation>{field}（“{column}”列）：{why}</translation>
    </message>
    <message>
        <source>{first} (and {n} more)</source>
        <translation>{first}（另有 {n} 条）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Agency server…</source>
        <translation>机构服务器…</translation>
    </message>
    <message>
        <source>The address has a password, which would be kept in plain text: put the password in the server's .pgpass file or a service file instead.</source>
        <translation>地址中含有密码，会以明文保存：请把密码放进 .pgpass 文件或 PostgreSQL 的连接服务文件中。</translation>
    </message>
    <message>
        <source>Agency server</source>
        <translation>机构服务器</translation>
    </message>
    <message>
        <source>PostgreSQL address the open show is synced to (empty: no sync):</source>
        <translation>当前场次同步到的 PostgreSQL 地址（留空：不同步）：</translation>
    </message>
    <message>
        <source>Agency: offline since %1</source>
        <translation>机构服务器：%1 起离线</translation>
    </message>
    <message>
        <source>Agency: not syncing</source>
        <translation>机构服务器：未同步</translation>
    </message>
    <message>
        <source>Agency: connecting…</source>
        <translation>机构服务器：连接中…</translation>
    </message>
    <message>
        <source>Agency: behind by %1 events</source>
        <translation>机构服务器：落后 %1 条事件</translation>
    </message>
    <message>
        <source>Agency: synced</source>
        <translation>机构服务器：已同步</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message>
        <source>No show open</source>
        <translation>没有打开的直播</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Show elapsed</source>
        <translation>已播时长</translation>
    </message>
    <message>
        <source>Ahead (+) / behind (−)</source>
        <translation>提前 (+) / 落后 (−)</translation>
    </message>
    <message>
        <source>Expected end</source>
        <translation>预计结束</translation>
    </message>
    <message>
        <source>GMV of the slots with a GMV target so far, against what their targets expected by now (the slot on air pro-rated by its time)</source>
        <translation>至今有目标GMV的环节的成交额，对比其目标到此刻应达成的金额（当前环节按已用时间折算）</translation>
    </message>
    <message>
        <source>Slot vs target</source>
        <translation>环节目标进度</translation>
    </message>
    <message>
        <source>Money vs plan</source>
        <translation>成交额较计划</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Final push</source>
        <translation>逼单</translation>
    </message>
    <message>
        <source>Message for the host display</source>
        <translation>发给主播提词屏的消息</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>闪烁</translation>
    </message>
    <message>
        <source>Send to host</source>
        <translation>发送给主播</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>观看人次</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Avg order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Interaction rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>直播已结束</translation>
    </message>
    <message>
        <source>Press Start when the stream goes live.</source>
        <translation>开播后按“开始直播”。</translation>
    </message>
    <message>
        <source>Show length</source>
        <translation>本场时长</translation>
    </message>
    <message>
        <source>%1 / %2 orders</source>
        <translation>%1 / %2 单</translation>
    </message>
    <message>
        <source>Ended at %1 (%2)</source>
        <translation>已于 %1 结束（时长 %2）</translation>
    </message>
    <message>
        <source>Last interaction %1 min ago</source>
        <translation>距上次互动 %1 分钟</translation>
    </message>
    <message>
        <source>Promo repeats: </source>
        <translation>优惠口播次数：</translation>
    </message>
    <message>
        <source>… +%1 more</source>
        <translation>… 另有 %1 个</translation>
    </message>
</context>
<context>
    <name>log</name>
    <message>
        <source>Show started</source>
        <translation>直播开始</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>直播结束</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>延长</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Promo repeated</source>
        <translation>已重复优惠</translation>
    </message>
    <message>
        <source>On shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Off shelf</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Explaining</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Incident opened</source>
        <translation>事故开始</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>事故结束</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Host message</source>
        <translation>主播消息</translation>
    </message>
    <message>
        <source>Plan edited</source>
        <translation>脚本修改</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼物</translation>
    </message>
    <message>
        <source>Plan changed</source>
        <translation>计划修改</translation>
    </message>
    <message>
        <source>Product added</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>Product changed</source>
        <translation>商品修改</translation>
    </message>
    <message>
        <source>Product removed</source>
        <translation>移除商品</translation>
    </message>
    <message>
        <source>Queue reordered</source>
        <translation>商品排序</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>设置修改</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>role</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>promo</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation>%1 个环节</translation>
    </message>
    <message>
        <source>stock %1</source>
        <translation>库存 %1</translation>
    </message>
    <message>
        <source>%1 products in a new order</source>
        <translation>%1 个商品重新排序</translation>
    </message>
    <message>
        <source>%1: %2 min</source>
        <translation>%1：%2 分钟</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opening the show…</source>
        <translation>正在打开直播…</translation>
    </message>
    <message>
        <source>Rehearsal %1</source>
        <translation>彩排 %1</translation>
    </message>
    <message>
        <source>Replay of #%1: %2</source>
        <translation>回放 #%1：%2</translation>
    </message>
    <message>
        <source>There is no show in this database yet. Create one now?</source>
        <translation>数据库中还没有直播。现在新建一个吗？</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>New segment</source>
        <translation>新环节</translation>
    </message>
    <message>
        <source>Row %1: “%2” is on air; move on before removing it.</source>
        <translation>第 %1 行：“%2”正在进行，请先切换到其他环节再删除。</translation>
    </message>
    <message>
        <source>The show has started: edit the plan instead of replacing it.</source>
        <translation>直播已开始：请修改脚本，而不是替换它。</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新商品</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>Product slot</source>
        <translation>产品讲解</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Final push</source>
        <translation>逼单</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <source>Free segment</source>
        <translation>自由环节</translation>
    </message>
    <message>
        <source>Traffic driver</source>
        <translation>引流款</translation>
    </message>
    <message>
        <source>Profit item</source>
        <translation>利润款</translation>
    </message>
    <message>
        <source>Image item</source>
        <translation>形象款</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>引流款</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润款</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>形象款</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>准备收尾</translation>
    </message>
    <message>
        <source>Overrun</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Microphones</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation>灯光</translation>
    </message>
    <message>
        <source>Network bandwidth test</source>
        <translation>网络测速</translation>
    </message>
    <message>
        <source>Stock confirmed</source>
        <translation>库存确认</translation>
    </message>
    <message>
        <source>Team briefed</source>
        <translation>团队分工确认</translation>
    </message>
    <message>
        <source>Pre-show promotion out</source>
        <translation>预热宣传已发布</translation>
    </message>
    <message>
        <source>question</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>oversell</source>
        <translation>超卖</translation>
    </message>
    <message>
        <source>off shelf</source>
        <translation>未上架</translation>
    </message>
    <message>
        <source>sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <source>unknown product</source>
        <translation>未知商品</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>手动录入</translation>
    </message>
    <message>
        <source>technical failure</source>
        <translation>技术故障</translation>
    </message>
    <message>
        <source>negative comments</source>
        <translation>负面评论</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>repeat more</source>
        <translation>需再重复</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>enough</source>
        <translation>已足够</translation>
    </message>
    <message>
        <source>{a} over by {b}</source>
        <translation>{a} 超时 {b}</translation>
    </message>
    <message>
        <source>No interaction for {a} min</source>
        <translation>已 {a} 分钟没有互动</translation>
    </message>
    <message>
        <source>Interaction due ({a} min since the last)</source>
        <translation>该互动了（距上次 {a} 分钟）</translation>
    </message>
    <message>
        <source>Final push: last minutes of the show</source>
        <translation>逼单：直播最后几分钟</translation>
    </message>
    <message>
        <source>{a} sold out</source>
        <translation>{a} 已售罄</translation>
    </message>
    <message>
        <source>{a}: only {b} left</source>
        <translation>{a}：仅剩 {b} 件</translation>
    </message>
    <message>
        <source>{a} unexpected order(s): off shelf, sold out or unknown</source>
        <translation>{a} 笔异常订单：已下架、已售罄或未知商品</translation>
    </message>
    <message>
        <source>Online viewers down {a}% ({b} → {c})</source>
        <translation>在线人数下降 {a}%（{b} → {c}）</translation>
    </message>
    <message>
        <source>{a} negative comments this minute</source>
        <translation>本分钟 {a} 条负面评论</translation>
    </message>
    <message>
        <source>{a} is on air but off shelf</source>
        <translation>{a} 正在讲解，但未上架</translation>
    </message>
    <message>
        <source>Online {a}% below your last {b} shows at minute {c}</source>
        <translation>在线人数比最近 {b} 场同一时段（第 {c} 分钟）低 {a}%</translation>
    </message>
    <message>
        <source>GMV {a}% below your last {b} shows at minute {c}</source>
        <translation>成交额比最近 {b} 场同一时段（第 {c} 分钟）低 {a}%</translation>
    </message>
    <message>
        <source>{a} sells out in about {b} min: push, restock or take it down</source>
        <translation>{a} 约 {b} 分钟后售罄：加推、补货或下架</translation>
    </message>
    <message>
        <source>The show is not running ({a}).</source>
        <translation>直播未在进行（{a}）。</translation>
    </message>
    <message>
        <source>The show is already {a}.</source>
        <translation>直播已经是{a}状态。</translation>
    </message>
    <message>
        <source>The show is not running.</source>
        <translation>直播未在进行。</translation>
    </message>
    <message>
        <source>The show is not paused.</source>
        <translation>直播未暂停。</translation>
    </message>
    <message>
        <source>The plan has no segments.</source>
        <translation>脚本中没有环节。</translation>
    </message>
    <message>
        <source>This is the last segment: end the show instead.</source>
        <translation>这是最后一个环节：请结束直播。</translation>
    </message>
    <message>
        <source>This is the first segment.</source>
        <translation>这是第一个环节。</translation>
    </message>
    <message>
        <source>Choose the product whose promo was repeated.</source>
        <translation>请选择重复了优惠口播的商品。</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>备注不能为空。</translation>
    </message>
    <message>
        <source>Describe the incident.</source>
        <translation>请描述事故。</translation>
    </message>
    <message>
        <source>No open incident {a}.</source>
        <translation>没有进行中的事故 {a}。</translation>
    </message>
    <message>
        <source>Product row {a}: SKU {b} appears twice</source>
        <translation>商品第 {a} 行：SKU {b} 重复</translation>
    </message>
    <message>
        <source>Product row {a}: {b}</source>
        <translation>商品第 {a} 行：{b}</translation>
    </message>
    <message>
        <source>Segment row {a}: product {b} is not in the queue</source>
        <translation>环节第 {a} 行：商品 {b} 不在队列中</translation>
    </message>
    <message>
        <source>Segment row {a}: segment id {b} appears twice</source>
        <translation>环节第 {a} 行：环节 ID {b} 重复</translation>
    </message>
    <message>
        <source>Segment row {a}: {b}</source>
        <translation>环节第 {a} 行：{b}</translation>
    </message>
    <message>
        <source>The plan needs at least one segment.</source>
        <translation>脚本至少需要一个环节。</translation>
    </message>
    <message>
        <source>“{a}” is on air; move on before removing it.</source>
        <translation>“{a}”正在进行，请先切换到其他环节再删除。</translation>
    </message>
    <message>
        <source>“{a}” is on air: it stays in the plan.</source>
        <translation>“{a}”正在进行：保留在脚本中。</translation>
    </message>
    <message>
        <source>{a} is on air: it cannot be removed.</source>
        <translation>{a} 正在讲解：不能删除。</translation>
    </message>
    <message>
        <source>{a} is on shelf: take it off shelf before removing it.</source>
        <translation>{a} 已上架：请先下架再删除。</translation>
    </message>
    <message>
        <source>{a} has sales: a product that has sold stays in the show.</source>
        <translation>{a} 已有成交：有成交的商品保留在本场直播中。</translation>
    </message>
    <message>
        <source>{a} is used by segment(s) {b}; change them first.</source>
        <translation>{a} 被环节 {b} 使用，请先修改这些环节。</translation>
    </message>
    <message>
        <source>{a} is on air: its SKU cannot change.</source>
        <translation>{a} 正在讲解：不能修改 SKU。</translation>
    </message>
    <message>
        <source>{a} is on shelf: its SKU cannot change.</source>
        <translation>{a} 已上架：不能修改 SKU。</translation>
    </message>
    <message>
        <source>{a} has sales: its SKU stays (its orders name it); add a new product instead.</source>
        <translation>{a} 已有成交：SKU 不能修改（订单记录使用该 SKU），请改为新增商品。</translation>
    </message>
    <message>
        <source>{a} is on air: its name and role stay as they are.</source>
        <translation>{a} 正在讲解：名称和类型保持不变。</translation>
    </message>
    <message>
        <source>{a} is on shelf: its name and role stay as they are.</source>
        <translation>{a} 已上架：名称和类型保持不变。</translation>
    </message>
    <message>
        <source>{a} has sales: its name and role stay as they are.</source>
        <translation>{a} 已有成交：名称和类型保持不变。</translation>
    </message>
    <message>
        <source>{a} has sold or had its stock adjusted: set its stock in the queue.</source>
        <translation>{a} 已有成交或库存调整：请在商品队列中修改库存。</translation>
    </message>
    <message>
        <source>{a}: a stock of {b} would leave {c} after what was sold.</source>
        <translation>{a}：库存改为 {b} 后，扣除已售将剩 {c}。</translation>
    </message>
    <message>
        <source>{a} as a stock adjustment: what was sold stays sold ({b} left).</source>
        <translation>作为库存调整 {a}：已售数量不变（剩余 {b}）。</translation>
    </message>
    <message>
        <source>Not in the sheet.</source>
        <translation>表格中没有此商品。</translation>
    </message>
    <message>
        <source>A {a}-minute show is too short for the opening, the final push and the closing.</source>
        <translation>{a} 分钟的直播太短，放不下开场、逼单和结束语。</translation>
    </message>
    <message>
        <source>the database is busy</source>
        <translation>数据库繁忙</translation>
    </message>
    <message>
        <source>the database is locked</source>
        <translation>数据库被锁定</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>数据库为只读</translation>
    </message>
    <message>
        <source>a disk I/O error</source>
        <translation>磁盘读写错误</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation>无法打开数据库文件</translation>
    </message>
    <message>
        <source>the database refused the write</source>
        <translation>数据库拒绝写入</translation>
    </message>
    <message>
        <source>the connection to the database was lost</source>
        <translation>与数据库的连接已断开</translation>
    </message>
    <message>
        <source>the log is behind</source>
        <translation>日志写入落后</translation>
    </message>
    <message>
        <source>The database cannot write ({a}): nothing was changed. Try again in a moment.</source>
        <translation>数据库无法写入（{a}）：未做任何更改，请稍后再试。</translation>
    </message>
    <message>
        <source>1 event is waiting</source>
        <translation>1 条事件等待写入</translation>
    </message>
    <message>
        <source>{n} events are waiting</source>
        <translation>{n} 条事件等待写入</translation>
    </message>
    <message>
        <source>free space and it writes them.</source>
        <translation>腾出磁盘空间后会自动写入。</translation>
    </message>
    <message>
        <source>it writes them as soon as the database can write again.</source>
        <translation>数据库恢复可写后会自动写入。</translation>
    </message>
    <message>
        <source>The database cannot write ({a}): {b}. Nothing is lost while ControlRoom stays open; {c}</source>
        <translation>数据库无法写入（{a}）：{b}。只要 ControlRoom 保持打开，数据不会丢失；{c}</translation>
    </message>
    <message>
        <source>1 event could not be stored and was kept in {p}.</source>
        <translation>1 条事件无法存入数据库，已另存到 {p}。</translation>
    </message>
    <message>
        <source>{n} events could not be stored and were kept in {p}.</source>
        <translation>{n} 条事件无法存入数据库，已另存到 {p}。</translation>
    </message>
    <message>
        <source>1 event could not be stored; it is kept only while ControlRoom stays open.</source>
        <translation>1 条事件无法存入数据库，仅在 ControlRoom 打开期间保留。</translation>
    </message>
    <message>
        <source>{n} events could not be stored; they are kept only while ControlRoom stays open.</source>
        <translation>{n} 条事件无法存入数据库，仅在 ControlRoom 打开期间保留。</translation>
    </message>
    <message>
        <source>Another ControlRoom opened this show on the server while the connection was lost: close one of them.</source>
        <translation>与服务器断开期间，另一个 ControlRoom 打开了这场直播：请关闭其中一个。</translation>
    </message>
    <message>
        <source>The connection to the server is lost; the show lock is taken again when it is back.</source>
        <translation>与服务器的连接已断开；恢复后会重新锁定这场直播。</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>previous segment</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <source>jump to segment</source>
        <translation>跳转环节</translation>
    </message>
    <message>
        <source>skip segment</source>
        <translation>跳过环节</translation>
    </message>
    <message>
        <source>extend</source>
        <translation>延长</translation>
    </message>
    <message>
        <source>interaction marked</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <source>promo repeated</source>
        <translation>重复优惠</translation>
    </message>
    <message>
        <source>on shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>off shelf</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>explaining</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>host message</source>
        <translation>主播消息</translation>
    </message>
    <message>
        <source>incident opened</source>
        <translation>事故开始</translation>
    </message>
    <message>
        <source>incident closed</source>
        <translation>事故结束</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Nothing to undo since the show started.</source>
        <translation>开播以来没有可撤销的操作。</translation>
    </message>
    <message>
        <source>Nothing to undo since the show ended.</source>
        <translation>下播以来没有可撤销的操作。</translation>
    </message>
</context>
</TS>
