"""Every word the recap workbook shows, in Chinese (zh_CN) and English (en).

A plain table, no Qt: the workbook is written by a child process that never loads Qt.
Problem texts are format strings over the problem's params (core/recap.py).
"""

from __future__ import annotations

from controlroom.recap import texts_review

LANGS = ("zh_CN", "en")
DEFAULT_LANG = "zh_CN"

_ZH: dict[str, str] = {
    # sheets
    "sheet.summary": "汇总", "sheet.timeline": "流程", "sheet.products": "商品",
    "sheet.minutes": "分钟数据", "sheet.pacing": "节奏", "sheet.events": "事件",
    "sheet.problems": "问题与改进",
    # summary
    "summary.heading": "直播复盘", "summary.show": "场次", "summary.title": "直播标题",
    "summary.date": "日期", "summary.room": "直播间", "summary.host": "主播", "summary.controller": "场控",
    "summary.what": "项目", "summary.planned": "计划", "summary.actual": "实际",
    "summary.start": "开始", "summary.end": "结束", "summary.duration": "时长",
    "summary.kpis": "核心数据", "summary.value": "数值", "summary.previous": "上一场",
    "summary.delta": "差值", "summary.change": "变化 %",
    "summary.previous_show": "对比场次", "summary.no_previous": "无可对比的上一场（同标题/同直播间）",
    "summary.checklist": "直播前准备", "summary.item": "项目", "summary.ticked": "已完成",
    "summary.ticked_at": "时间", "summary.yes": "是", "summary.no": "否",
    "summary.events": "事件总数",
    "after.heading": "下播后（已记录，不计入以上数据）", "after.not_ended": "直播尚未结束",
    "after.orders": "下播后订单数", "after.gmv": "下播后成交额", "after.quantity": "下播后件数",
    "after.entries": "下播后进入人次", "after.likes": "下播后点赞", "after.comments": "下播后评论",
    "after.shares": "下播后分享", "after.follows": "下播后关注", "after.events": "下播后事件数",
    # KPIs
    "kpi.peak_online": "峰值在线", "kpi.avg_online": "平均在线（每分钟在线的均值）", "kpi.views": "累计观看",
    "kpi.dwell_s": "平均停留时长（在线人数×时长 ÷ 累计观看）", "kpi.likes": "点赞", "kpi.comments": "评论", "kpi.shares": "分享",
    "kpi.interacting_users": "互动人数", "kpi.interacting_per_view": "互动人数 ÷ 累计观看（整场）", "kpi.follows": "涨粉",
    "kpi.orders": "订单数", "kpi.buyers": "下单人数", "kpi.gmv": "成交额 GMV", "kpi.buyers_per_view": "下单人数 ÷ 累计观看（整场）",
    "kpi.avg_order_value": "客单价", "kpi.oversells": "超卖/异常订单", "kpi.incidents": "事故",
    "kpi.degraded_stream_s": "推流异常时长（OBS 推流事故）",
    # timeline
    "tl.no": "序号", "tl.kind": "类型", "tl.title": "环节", "tl.product": "商品",
    "tl.sched_start": "计划开始", "tl.sched_end": "计划结束", "tl.actual_start": "实际开始",
    "tl.actual_end": "实际结束", "tl.planned": "计划时长", "tl.extended": "延长（分钟）",
    "tl.actual": "实际时长", "tl.overrun": "超时（分钟）", "tl.ahead": "整体提前(+)/落后(-)（分钟）",
    "tl.runs": "上场次数", "tl.orders": "订单", "tl.gmv": "成交额", "tl.skipped": "未进行",
    "tl.removed": "（已从脚本删除）",
    "tl.gmv_target": "目标成交额", "tl.orders_target": "目标订单数", "tl.vs_target": "成交额目标完成率",
    "kind.opening": "开场", "kind.product": "产品讲解", "kind.interaction": "互动",
    "kind.final_push": "逼单", "kind.closing": "结束语", "kind.free": "自由",
    # products
    "pr.sku": "SKU", "pr.name": "商品名称", "pr.role": "类型", "pr.price": "价格",
    "pr.stock_start": "开播库存", "pr.stock_end": "下播库存", "pr.shelf": "上架时长",
    "pr.explained": "讲解时长", "pr.orders_explained": "讲解中订单", "pr.gmv_explained": "讲解中成交额",
    "pr.orders": "总订单", "pr.quantity": "件数", "pr.gmv": "总成交额",
    "pr.slot_conversion": "讲解转化率（讲解中下单人数 ÷ 讲解中平均在线）", "pr.sold_out": "售罄时间（补货后清空）", "pr.oversells": "超卖/异常订单", "pr.total": "合计",
    "pr.unknown": "（未知商品）", "pr.manual": "（手动录入）",
    "role.traffic": "引流款", "role.profit": "利润款", "role.image": "形象款",
    # minutes
    "mi.minute": "分钟", "mi.time": "时间", "mi.segment": "环节", "mi.online": "在线人数",
    "mi.online_peak": "分钟峰值在线", "mi.entries": "进入人次", "mi.comments": "评论", "mi.likes": "点赞",
    "mi.shares": "分享", "mi.follows": "关注", "mi.orders": "订单", "mi.gmv": "成交额",
    "mi.boundary": "环节切换（在线）", "mi.boundary_gmv": "环节切换（成交额）", "chart.online": "在线人数（每分钟）", "chart.gmv": "成交额（每分钟）",
    # pacing
    "pa.gaps": "互动间隔", "pa.from": "从", "pa.to": "到", "pa.minutes": "分钟", "pa.flag": "超过 {limit:g} 分钟",
    "pa.promos": "优惠信息重复次数（目标 {lo}–{hi} 次）", "pa.promo": "优惠", "pa.count": "次数",
    "pa.band": "评估", "band.low": "偏少", "band.ok": "达标", "band.over": "偏多",
    "pa.slots": "讲解超过 {limit:g} 分钟的时段", "pa.started": "开始", "pa.length": "时长",
    "pa.none": "无",
    # events
    "ev.time": "时间", "ev.elapsed": "开播后", "ev.kind": "类型", "ev.product": "商品", "ev.user": "用户",
    "ev.value": "数值/金额", "ev.qty": "数量", "ev.detail": "内容", "ev.flag": "标记", "ev.duration": "事故时长",
    "ev.after_end": "下播后", "ev.after_end_mark": "下播后",
    # problems
    "pb.no": "序号", "pb.time": "时间", "pb.kind": "问题类型", "pb.subject": "对象", "pb.detail": "说明",
    "pb.action": "改进措施（团队填写）", "pb.none": "未发现问题",
    "problem.overrun": "环节超时", "problem.interaction_overdue": "互动间隔过长",
    "problem.viewer_drop": "在线人数下降", "problem.sold_out": "售罄/断货",
    "problem.low_conversion": "讲解转化率低", "problem.oversell": "超卖/异常订单",
    "detail.overrun": "超时 {minutes:.1f} 分钟", "detail.interaction_overdue": "{minutes:.1f} 分钟无互动",
    "detail.viewer_drop": "下降 {percent:.0f}%（{high:.0f} → {low:.0f}）", "detail.sold_out": "库存售罄",
    "detail.low_conversion": "讲解转化率 {percent:.2f}%", "detail.oversell": "{count} 笔超卖/下架/未知商品订单",
    # codes the log holds (Texts.code): checklist keys, why a segment started, flags, rooms
    "check.cameras": "摄像头", "check.microphones": "麦克风", "check.lighting": "灯光",
    "check.network": "网络测速", "check.stock": "库存确认", "check.team": "团队分工", "check.promotion": "预热宣传",
    "cause.start": "开播", "cause.next": "下一个", "cause.previous": "上一个", "cause.jump": "跳转",
    "flag.question": "提问", "flag.negative": "负面", "flag.oversell": "超卖", "flag.off_shelf": "未上架",
    "flag.sold_out": "已售罄", "flag.unknown_product": "未知商品", "flag.manual": "手动录入",
    "room.rehearsal": "彩排", "incident.technical": "技术故障", "incident.negative": "负面评论", "incident.other": "其他",
}

_EN: dict[str, str] = {
    "sheet.summary": "Summary", "sheet.timeline": "Timeline", "sheet.products": "Products",
    "sheet.minutes": "Minute by minute", "sheet.pacing": "Pacing", "sheet.events": "Events",
    "sheet.problems": "Problems & actions",
    "summary.heading": "Show recap", "summary.show": "Show", "summary.title": "Title",
    "summary.date": "Date", "summary.room": "Room", "summary.host": "Host", "summary.controller": "Controller",
    "summary.what": "", "summary.planned": "Planned", "summary.actual": "Actual",
    "summary.start": "Start", "summary.end": "End", "summary.duration": "Duration",
    "summary.kpis": "Key figures", "summary.value": "Value", "summary.previous": "Previous show",
    "summary.delta": "Delta", "summary.change": "Change %",
    "summary.previous_show": "Compared with", "summary.no_previous": "No earlier show with this title/room to compare",
    "summary.checklist": "Pre-show checklist", "summary.item": "Item", "summary.ticked": "Done",
    "summary.ticked_at": "Time", "summary.yes": "yes", "summary.no": "no",
    "summary.events": "Events in the log",
    "after.heading": "After the end (in the log, not in the figures above)", "after.not_ended": "the show has not ended",
    "after.orders": "Orders after the end", "after.gmv": "GMV after the end", "after.quantity": "Units after the end",
    "after.entries": "Views after the end", "after.likes": "Likes after the end",
    "after.comments": "Comments after the end", "after.shares": "Shares after the end",
    "after.follows": "Follows after the end", "after.events": "Events after the end",
    "kpi.peak_online": "Peak online", "kpi.avg_online": "Average online (mean of the minute series)",
    "kpi.views": "Cumulative views", "kpi.dwell_s": "Average dwell (viewer-time ÷ views)", "kpi.likes": "Likes", "kpi.comments": "Comments", "kpi.shares": "Shares",
    "kpi.interacting_users": "Interacting users", "kpi.interacting_per_view": "Interacting users ÷ views (whole show)",
    "kpi.follows": "New followers", "kpi.orders": "Orders", "kpi.buyers": "Buyers", "kpi.gmv": "GMV",
    "kpi.buyers_per_view": "Buyers ÷ views (whole show)", "kpi.avg_order_value": "Average order value",
    "kpi.oversells": "Oversells / unexpected orders", "kpi.incidents": "Incidents",
    "kpi.degraded_stream_s": "Degraded stream (OBS stream incidents)",
    "tl.no": "#", "tl.kind": "Kind", "tl.title": "Segment", "tl.product": "Product",
    "tl.sched_start": "Scheduled start", "tl.sched_end": "Scheduled end", "tl.actual_start": "Actual start",
    "tl.actual_end": "Actual end", "tl.planned": "Planned", "tl.extended": "Extended (min)",
    "tl.actual": "Actual", "tl.overrun": "Overrun (min)", "tl.ahead": "Show ahead(+)/behind(-) after (min)",
    "tl.runs": "Runs", "tl.orders": "Orders", "tl.gmv": "GMV", "tl.skipped": "not run",
    "tl.removed": "(removed from the plan)",
    "tl.gmv_target": "GMV target", "tl.orders_target": "Orders target", "tl.vs_target": "vs target (GMV)",
    "kind.opening": "Opening", "kind.product": "Product slot", "kind.interaction": "Interaction",
    "kind.final_push": "Final push", "kind.closing": "Closing", "kind.free": "Free",
    "pr.sku": "SKU", "pr.name": "Product", "pr.role": "Role", "pr.price": "Price",
    "pr.stock_start": "Stock at start", "pr.stock_end": "Stock at end", "pr.shelf": "Time on shelf",
    "pr.explained": "Time explained", "pr.orders_explained": "Orders while explained",
    "pr.gmv_explained": "GMV while explained", "pr.orders": "Orders in total", "pr.quantity": "Units",
    "pr.gmv": "GMV in total",
    "pr.slot_conversion": "Slot conversion (buyers while explained ÷ mean online then)",
    "pr.sold_out": "Sold out since (cleared by a restock)",
    "pr.oversells": "Oversells / unexpected orders", "pr.total": "Total",
    "pr.unknown": "(unknown product)", "pr.manual": "(typed-in totals)",
    "role.traffic": "Traffic driver", "role.profit": "Profit item", "role.image": "Image item",
    "mi.minute": "Minute", "mi.time": "Time", "mi.segment": "Segment", "mi.online": "Online viewers",
    "mi.online_peak": "Peak online in minute", "mi.entries": "Entries", "mi.comments": "Comments",
    "mi.likes": "Likes", "mi.shares": "Shares", "mi.follows": "Follows", "mi.orders": "Orders", "mi.gmv": "GMV",
    "mi.boundary": "Segment change (online)", "mi.boundary_gmv": "Segment change (GMV)", "chart.online": "Online viewers per minute", "chart.gmv": "GMV per minute",
    "pa.gaps": "Gaps between interactions", "pa.from": "From", "pa.to": "To", "pa.minutes": "Minutes",
    "pa.flag": "Over {limit:g} min", "pa.promos": "Promo repeats (target {lo}–{hi})", "pa.promo": "Promo",
    "pa.count": "Repeats", "pa.band": "Assessment", "band.low": "too few", "band.ok": "on target",
    "band.over": "too many", "pa.slots": "Slots over {limit:g} minutes", "pa.started": "Started",
    "pa.length": "Length", "pa.none": "none",
    "ev.time": "Time", "ev.elapsed": "Since start", "ev.kind": "Kind", "ev.product": "Product", "ev.user": "User",
    "ev.value": "Value / amount", "ev.qty": "Qty", "ev.detail": "Detail", "ev.flag": "Flag",
    "ev.duration": "Incident duration", "ev.after_end": "After the end", "ev.after_end_mark": "after the end",
    "pb.no": "#", "pb.time": "Time", "pb.kind": "Problem", "pb.subject": "Subject", "pb.detail": "Detail",
    "pb.action": "Action (for the team)", "pb.none": "No problem found",
    "problem.overrun": "Segment overrun", "problem.interaction_overdue": "Interaction overdue",
    "problem.viewer_drop": "Viewer drop", "problem.sold_out": "Sold out",
    "problem.low_conversion": "Low slot conversion", "problem.oversell": "Oversells",
    "detail.overrun": "over by {minutes:.1f} min", "detail.interaction_overdue": "{minutes:.1f} min without an interaction",
    "detail.viewer_drop": "down {percent:.0f}% ({high:.0f} → {low:.0f})", "detail.sold_out": "stock ran out",
    "detail.low_conversion": "slot conversion {percent:.2f}%",
    "detail.oversell": "{count} order(s) sold out, off shelf or unknown",
    "check.cameras": "Cameras", "check.microphones": "Microphones", "check.lighting": "Lighting",
    "check.network": "Network bandwidth test", "check.stock": "Stock confirmed", "check.team": "Team briefed",
    "check.promotion": "Pre-show promotion out",
    "cause.start": "start", "cause.next": "next", "cause.previous": "previous", "cause.jump": "jump",
    # flags as the log spells them, like the event kinds (a filter on the Events sheet uses them)
    "flag.question": "question", "flag.negative": "negative", "flag.oversell": "oversell",
    "flag.off_shelf": "off_shelf", "flag.sold_out": "sold_out", "flag.unknown_product": "unknown_product",
    "flag.manual": "manual", "room.rehearsal": "rehearsal",
    "incident.technical": "technical", "incident.negative": "negative", "incident.other": "other",
}

EVENT_KINDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "viewers": "在线人数", "comment": "评论", "like": "点赞", "share": "分享", "follow": "关注",
        "join": "进入", "gift": "礼物", "order": "订单", "show_started": "开播", "show_paused": "暂停",
        "show_resumed": "继续", "show_ended": "下播", "segment_started": "环节开始",
        "segment_extended": "环节延长", "interaction_marked": "互动", "promo_repeated": "重复优惠",
        "product_on_shelf": "上架", "product_off_shelf": "下架", "explaining_started": "开始讲解",
        "stock_adjusted": "库存调整", "note": "备注", "incident_opened": "事故开始",
        "incident_closed": "事故结束", "checklist_ticked": "准备项", "host_message": "提词",
        "plan_edited": "修改", "plan_set": "计划修改", "product_added": "新增商品",
        "product_updated": "商品修改", "product_removed": "移除商品", "products_ordered": "商品排序",
        "settings_changed": "设置修改", "undone": "撤销",
    },
    # English names every kind, the edits included, by the log's own id (what the CLI, the
    # API, docs/events.md and a filter on the Events sheet use).
    "en": {},
}

# -- a recap exported while the show runs: a snapshot up to the log's last event
_ZH.update({"summary.snapshot": "截至 {time} 的快照：直播仍在进行，数据到此为止"})
_EN.update({"summary.snapshot": "Snapshot up to {time}: the show is still running; figures stop here"})

# -- baseline (issue 13): the sheet against the room's usual (recap/sheets_baseline.py)
_ZH.update({
    "sheet.baseline": "对比常态", "bl.heading": "与本直播间最近 {n} 场对比（按开播后分钟）",
    "bl.none": "本直播间没有可对比的往期场次", "bl.shows": "对比场次",
    "bl.band_rule": "常态为各场同一分钟的中位数；区间：4 场及以上为 25%–75% 分位，不足 4 场为最小值–最大值",
    "bl.figure": "项目", "bl.this": "本场", "bl.usual": "常态（中位数）", "bl.low": "区间下沿", "bl.high": "区间上沿",
    "bl.vs": "较常态", "bl.total.gmv_cents": "成交额 GMV（开播后）", "bl.total.avg_online": "平均在线（每分钟在线的均值）",
    "bl.total.minutes": "时长（分钟）", "bl.minute": "分钟",
    "bl.online": "在线（本场）", "bl.online_usual": "在线（常态）", "bl.online_low": "在线（下沿）",
    "bl.online_high": "在线（上沿）", "bl.gmv": "成交额（本场）", "bl.gmv_usual": "成交额（常态）",
    "bl.gmv_low": "成交额（下沿）", "bl.gmv_high": "成交额（上沿）", "bl.cum": "累计成交额（本场）",
    "bl.cum_usual": "累计成交额（常态）", "bl.cum_low": "累计成交额（下沿）", "bl.cum_high": "累计成交额（上沿）",
    "bl.shows_on_air": "对比场次数",
})
_EN.update({
    "sheet.baseline": "Against usual", "bl.heading": "Against this room's last {n} shows (by minute of show time)",
    "bl.none": "No earlier show of this room to compare with", "bl.shows": "Shows compared",
    "bl.band_rule": "Usual: the shows' median at the same minute; band: 25–75 % from 4 shows on, min–max below 4",
    "bl.figure": "Figure", "bl.this": "This show", "bl.usual": "Usual (median)", "bl.low": "Band low",
    "bl.high": "Band high", "bl.vs": "vs usual", "bl.total.gmv_cents": "GMV (from the start)",
    "bl.total.avg_online": "Average online (mean of minute online)", "bl.total.minutes": "Length (minutes)",
    "bl.minute": "Minute", "bl.online": "Online (this show)", "bl.online_usual": "Online (usual)",
    "bl.online_low": "Online (low)", "bl.online_high": "Online (high)", "bl.gmv": "GMV (this show)",
    "bl.gmv_usual": "GMV (usual)", "bl.gmv_low": "GMV (low)", "bl.gmv_high": "GMV (high)",
    "bl.cum": "GMV cumulative (this show)", "bl.cum_usual": "GMV cumulative (usual)",
    "bl.cum_low": "GMV cumulative (low)", "bl.cum_high": "GMV cumulative (high)", "bl.shows_on_air": "Shows",
})
# -- recap-a (issue 13): money per view, the per-slot and per-SKU sheets, interactions
_ZH.update({
    "sheet.slots": "环节复盘", "sheet.skus": "单品表现",
    "kpi.gpm": "千次观看成交额 GPM（成交额 ÷ 累计观看 × 1000）",
    "kpi.uv_value": "UV 价值（成交额 ÷ 独立访客）",
    "kpi.uv_value_per_entry": "UV 价值（按进入人次：成交额 ÷ 累计观看，无访客身份）",
    "sl.run": "上场序号", "sl.no": "环节序号", "sl.kind": "类型", "sl.title": "环节", "sl.product": "商品",
    "sl.sched_start": "计划开始", "sl.actual_start": "实际开始", "sl.actual_end": "实际结束",
    "sl.planned": "计划时长", "sl.extended": "延长（分钟）", "sl.actual": "实际时长", "sl.overrun": "超时（分钟）",
    "sl.ahead": "结束时整体提前(+)/落后(-)（分钟）", "sl.orders": "订单", "sl.gmv": "成交额",
    "sl.views": "进入人次", "sl.gpm": "千次观看成交额 GPM", "sl.uv": "UV 价值（成交额 ÷ 进入的独立访客）",
    "sl.uv_per_entry": "UV 价值（按进入人次）",
    "sl.product_orders": "本环节商品：环节中订单", "sl.product_gmv": "本环节商品：环节中成交额",
    "sl.tail_orders": "本环节商品：结束后 {n:g} 分钟订单", "sl.tail_gmv": "本环节商品：结束后 {n:g} 分钟成交额",
    "sl.tail_length": "结束后统计时长", "sl.removed": "（已从脚本删除）",
    "sl.outside": "不在任何环节中（开播前、环节之间、最后环节之后）", "sl.total": "合计（＝汇总）",
    "ia.heading": "互动：计划与实际", "ia.planned": "计划的互动环节", "ia.runs": "互动环节实际进行（次）",
    "ia.marked": "标记的互动（次）", "ia.held": "实际互动合计（次）",
    "ia.longest": "最长无互动间隔（分钟，含开播后与下播前）", "ia.from": "从", "ia.to": "到", "ia.none": "无",
    "sk.stock_start": "开播库存（开播时）", "sk.sold": "售出件数", "sk.sell_through": "售罄率（售出件数 ÷ 开播库存）",
    "sk.sold_out_at": "首次售罄时间", "sk.sold_out_after": "开播后首次售罄",
    "sk.shelf_minutes": "上架时长（分钟）", "sk.oversells": "超卖/异常订单", "sk.orders": "总订单",
    "sk.gmv": "总成交额", "sk.gmv_explained": "讲解中成交额", "sk.views": "讲解中进入人次",
    "sk.gpm": "讲解中千次观看成交额 GPM", "sk.uv": "讲解中 UV 价值（成交额 ÷ 进入的独立访客）",
    "sk.uv_per_entry": "讲解中 UV 价值（按进入人次）", "sk.total": "合计（＝汇总）",
})
_EN.update({
    "sheet.slots": "Slots", "sheet.skus": "Per SKU",
    "kpi.gpm": "GPM (GMV ÷ views × 1000)",
    "kpi.uv_value": "UV value (GMV ÷ unique viewers)",
    "kpi.uv_value_per_entry": "UV value per entry (GMV ÷ views; viewers unknown)",
    "sl.run": "Run", "sl.no": "#", "sl.kind": "Kind", "sl.title": "Segment", "sl.product": "Product",
    "sl.sched_start": "Scheduled start", "sl.actual_start": "Actual start", "sl.actual_end": "Actual end",
    "sl.planned": "Planned", "sl.extended": "Extended (min)", "sl.actual": "Actual", "sl.overrun": "Overrun (min)",
    "sl.ahead": "Show ahead(+)/behind(-) at its end (min)", "sl.orders": "Orders", "sl.gmv": "GMV",
    "sl.views": "Views", "sl.gpm": "GPM", "sl.uv": "UV value (GMV ÷ unique viewers who came in)",
    "sl.uv_per_entry": "UV value per entry",
    "sl.product_orders": "Slot product: orders in the slot", "sl.product_gmv": "Slot product: GMV in the slot",
    "sl.tail_orders": "Slot product: orders in {n:g} min after", "sl.tail_gmv": "Slot product: GMV in {n:g} min after",
    "sl.tail_length": "Tail length", "sl.removed": "(removed from the plan)",
    "sl.outside": "In no segment (before, between, after the segments)", "sl.total": "Total (= Summary)",
    "ia.heading": "Interactions: planned vs held", "ia.planned": "Interaction segments planned",
    "ia.runs": "Interaction segments run", "ia.marked": "Interactions marked", "ia.held": "Interactions held",
    "ia.longest": "Longest gap without an interaction (min, from the start to the end)", "ia.from": "From",
    "ia.to": "To", "ia.none": "none",
    "sk.stock_start": "Stock at start", "sk.sold": "Units sold", "sk.sell_through": "Sell-through (units sold ÷ stock at start)",
    "sk.sold_out_at": "First sold out at", "sk.sold_out_after": "Sold out after",
    "sk.shelf_minutes": "On shelf (min)", "sk.oversells": "Oversells / unexpected orders", "sk.orders": "Orders in total",
    "sk.gmv": "GMV in total", "sk.gmv_explained": "GMV while explained", "sk.views": "Views while explained",
    "sk.gpm": "GPM while explained", "sk.uv": "UV value while explained (GMV ÷ unique viewers who came in)",
    "sk.uv_per_entry": "UV value per entry while explained", "sk.total": "Total (= Summary)",
})
# -- the review's sheets (incidents, provenance, reconciliation, ranked problems)
_ZH.update(texts_review.ZH)
_EN.update(texts_review.EN)

TEXTS: dict[str, dict[str, str]] = {"zh_CN": _ZH, "en": _EN}


class Texts:
    """The words of one language: `t("kpi.gmv")`, `t.kind("order")`."""

    def __init__(self, lang: str = DEFAULT_LANG) -> None:
        if lang not in TEXTS:
            raise ValueError(f"language {lang!r}: use one of {', '.join(LANGS)}")
        self.lang = lang
        self._words = TEXTS[lang]
        self._kinds = EVENT_KINDS[lang]

    def __call__(self, key: str, **params: object) -> str:
        text = self._words[key]
        return text.format(**params)

    def kind(self, event_kind: str) -> str:
        return self._kinds.get(event_kind, event_kind)

    def code(self, group: str, value: str | None) -> str | None:
        """A code from the log (`code("flag", "negative")`) in words; one we do not know as it is."""
        if not value:
            return value
        return self._words.get(f"{group}.{value}", value)

    def incident(self, text: str | None) -> str | None:
        """An incident's text ("technical: …", the kind the window writes first) with its kind in words."""
        kind, sep, rest = (text or "").partition(": ")
        if sep and f"incident.{kind}" in self._words:
            return f"{self._words[f'incident.{kind}']}: {rest}"
        return text
