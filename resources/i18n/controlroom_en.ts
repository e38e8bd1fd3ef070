<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1: reading was cancelled</source>
        <translation>%1: reading was cancelled</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>No alerts</source>
        <translation>No alerts</translation>
    </message>
    <message>
        <source>%1 alert(s), %2 critical</source>
        <translation>%1 alert(s), %2 critical</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Online viewers</source>
        <translation>Online viewers</translation>
    </message>
    <message>
        <source>Interaction rate (%)</source>
        <translation>Interaction rate (%)</translation>
    </message>
    <message>
        <source>GMV per minute (¥)</source>
        <translation>GMV per minute (¥)</translation>
    </message>
    <message>
        <source>GMV cumulative (¥)</source>
        <translation>GMV cumulative (¥)</translation>
    </message>
    <message>
        <source>Orders per minute</source>
        <translation>Orders per minute</translation>
    </message>
    <message>
        <source>Orders cumulative</source>
        <translation>Orders cumulative</translation>
    </message>
    <message>
        <source>Whole show</source>
        <translation>Whole show</translation>
    </message>
    <message>
        <source>Last minutes:</source>
        <translation>Last minutes:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>%1 of %2 ready</source>
        <translation>%1 of %2 ready</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <source>Row %1, %2: “%3” is not valid</source>
        <translation>Row %1, %2: “%3” is not valid</translation>
    </message>
</context>
<context>
    <name>HostDisplay</name>
    <message>
        <source>Host display</source>
        <translation>Host display</translation>
    </message>
    <message>
        <source>Repeat (×%2): %1</source>
        <translation>Repeat (×%2): %1</translation>
    </message>
    <message>
        <source>%1 / %2 orders</source>
        <translation>%1 / %2 orders</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>Show ended</translation>
    </message>
    <message>
        <source>Show length %1 (planned %2)</source>
        <translation>Show length %1 (planned %2)</translation>
    </message>
    <message>
        <source>Ended at %1</source>
        <translation>Ended at %1</translation>
    </message>
    <message>
        <source>Show over by %1</source>
        <translation>Show over by %1</translation>
    </message>
    <message>
        <source>Show left %1</source>
        <translation>Show left %1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Next: %1</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Controller's log</source>
        <translation>Controller's log</translation>
    </message>
    <message>
        <source>Controller actions</source>
        <translation>Controller actions</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Shares, follows, gifts</source>
        <translation>Shares, follows, gifts</translation>
    </message>
    <message>
        <source>Notes and incidents</source>
        <translation>Notes and incidents</translation>
    </message>
    <message>
        <source>Note for the log</source>
        <translation>Note for the log</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Technical failure</source>
        <translation>Technical failure</translation>
    </message>
    <message>
        <source>Negative comments</source>
        <translation>Negative comments</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <source>What happened (stutter, black screen, …)</source>
        <translation>What happened (stutter, black screen, …)</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>Open incident</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>Close incident</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Start / Pause</source>
        <translation>Start / Pause</translation>
    </message>
    <message>
        <source>Previous segment</source>
        <translation>Previous segment</translation>
    </message>
    <message>
        <source>Next segment</source>
        <translation>Next segment</translation>
    </message>
    <message>
        <source>Extend +1 min</source>
        <translation>Extend +1 min</translation>
    </message>
    <message>
        <source>Mark interaction</source>
        <translation>Mark interaction</translation>
    </message>
    <message>
        <source>Promo repeated</source>
        <translation>Promo repeated</translation>
    </message>
    <message>
        <source>End show…</source>
        <translation>End show…</translation>
    </message>
    <message>
        <source>Undo last action</source>
        <translation>Undo last action</translation>
    </message>
    <message>
        <source>Selected product on / off shelf</source>
        <translation>Selected product on / off shelf</translation>
    </message>
    <message>
        <source>Selected product: explaining now</source>
        <translation>Selected product: explaining now</translation>
    </message>
    <message>
        <source>Product queue</source>
        <translation>Product queue</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Live charts</source>
        <translation>Live charts</translation>
    </message>
    <message>
        <source>Loading charts…</source>
        <translation>Loading charts…</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Event log</translation>
    </message>
    <message>
        <source>Manual entry</source>
        <translation>Manual entry</translation>
    </message>
    <message>
        <source>Pre-show checklist</source>
        <translation>Pre-show checklist</translation>
    </message>
    <message>
        <source>New show…</source>
        <translation>New show…</translation>
    </message>
    <message>
        <source>Open show…</source>
        <translation>Open show…</translation>
    </message>
    <message>
        <source>Recent shows</source>
        <translation>Recent shows</translation>
    </message>
    <message>
        <source>Export recap…</source>
        <translation>Export recap…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Edit plan and products…</source>
        <translation>Edit plan and products…</translation>
    </message>
    <message>
        <source>Host display</source>
        <translation>Host display</translation>
    </message>
    <message>
        <source>Host display full screen</source>
        <translation>Host display full screen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Show settings…</source>
        <translation>Show settings…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sound cue for new alerts</source>
        <translation>Sound cue for new alerts</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Start show</source>
        <translation>Start show</translation>
    </message>
    <message>
        <source>No show is open.</source>
        <translation>No show is open.</translation>
    </message>
    <message>
        <source>End show</source>
        <translation>End show</translation>
    </message>
    <message>
        <source>End the show now? The timer stops and the recap is made from the log.</source>
        <translation>End the show now? The timer stops and the recap is made from the log.</translation>
    </message>
    <message>
        <source>Sent to the host display.</source>
        <translation>Sent to the host display.</translation>
    </message>
    <message>
        <source>Move the selected product in the queue</source>
        <translation>Move the selected product in the queue</translation>
    </message>
    <message>
        <source>In a text field: send or add it, and hand the keys back to the show</source>
        <translation>In a text field: send or add it, and hand the keys back to the show</translation>
    </message>
    <message>
        <source>Leave a text field (nothing is changed)</source>
        <translation>Leave a text field (nothing is changed)</translation>
    </message>
    <message>
        <source>On the host display: full screen / leave full screen</source>
        <translation>On the host display: full screen / leave full screen</translation>
    </message>
    <message>
        <source>The show's keys do not fire while you type in a text field. Space, Enter and letters never act on the show: the buttons take no keyboard focus and the queue ignores typing.</source>
        <translation>The show's keys do not fire while you type in a text field. Space, Enter and letters never act on the show: the buttons take no keyboard focus and the queue ignores typing.</translation>
    </message>
    <message>
        <source>This show is already open.</source>
        <translation>This show is already open.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Select a product in the queue first.</source>
        <translation>Select a product in the queue first.</translation>
    </message>
    <message>
        <source>Quit during the show?</source>
        <translation>Quit during the show?</translation>
    </message>
    <message>
        <source>The show is still running. Quit anyway? The host display goes dark; the log keeps everything, and starting again returns to the show.</source>
        <translation>The show is still running. Quit anyway? The host display goes dark; the log keeps everything, and starting again returns to the show.</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Quit anyway</translation>
    </message>
</context>
<context>
    <name>ManualEntryPanel</name>
    <message>
        <source>e.g. 1520</source>
        <translation>e.g. 1520</translation>
    </message>
    <message>
        <source>total so far, e.g. 35600.50</source>
        <translation>total so far, e.g. 35600.50</translation>
    </message>
    <message>
        <source>total so far, e.g. 412</source>
        <translation>total so far, e.g. 412</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>Online viewers</translation>
    </message>
    <message>
        <source>GMV total (¥)</source>
        <translation>GMV total (¥)</translation>
    </message>
    <message>
        <source>Orders total</source>
        <translation>Orders total</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>GMV total</source>
        <translation>GMV total</translation>
    </message>
    <message>
        <source>Type at least one figure.</source>
        <translation>Type at least one figure.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number</source>
        <translation>%1: “%2” is not a number</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>Recorded.</translation>
    </message>
</context>
<context>
    <name>NewShowDialog</name>
    <message>
        <source>New show</source>
        <translation>New show</translation>
    </message>
    <message>
        <source>Live show %1</source>
        <translation>Live show %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>empty: the sample catalogue</source>
        <translation>empty: the sample catalogue</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Rehearsal: the simulator plays the audience</source>
        <translation>Rehearsal: the simulator plays the audience</translation>
    </message>
    <message>
        <source>× faster</source>
        <translation>× faster</translation>
    </message>
    <message>
        <source>Training: the timer, the cues and the simulated room run this many times faster</source>
        <translation>Training: the timer, the cues and the simulated room run this many times faster</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Planned length</source>
        <translation>Planned length</translation>
    </message>
    <message>
        <source>Product sheet</source>
        <translation>Product sheet</translation>
    </message>
    <message>
        <source>Rehearsal speed</source>
        <translation>Rehearsal speed</translation>
    </message>
    <message>
        <source>Title: please give the show a title.</source>
        <translation>Title: please give the show a title.</translation>
    </message>
</context>
<context>
    <name>OpenShowDialog</name>
    <message>
        <source>Open show</source>
        <translation>Open show</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Other database…</source>
        <translation>Other database…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Plan and products</source>
        <translation>Plan and products</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Default plan</source>
        <translation>Default plan</translation>
    </message>
    <message>
        <source>Fill targets</source>
        <translation>Fill targets</translation>
    </message>
    <message>
        <source>Import product sheet…</source>
        <translation>Import product sheet…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Reading the room's earlier shows…</source>
        <translation>Reading the room's earlier shows…</translation>
    </message>
    <message>
        <source>The room's earlier shows could not be read: %1</source>
        <translation>The room's earlier shows could not be read: %1</translation>
    </message>
    <message>
        <source>Targets filled for %1 product slots from the room's earlier shows.</source>
        <translation>Targets filled for %1 product slots from the room's earlier shows.</translation>
    </message>
    <message>
        <source>%1 slots left empty: the room has no history of their product.</source>
        <translation>%1 slots left empty: the room has no history of their product.</translation>
    </message>
    <message>
        <source>Apply to save.</source>
        <translation>Apply to save.</translation>
    </message>
    <message>
        <source>Product sheet</source>
        <translation>Product sheet</translation>
    </message>
    <message>
        <source>%1 products added, %2 updated; products in use keep their name, role and stock history. Apply to save.</source>
        <translation>%1 products added, %2 updated; products in use keep their name, role and stock history. Apply to save.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
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
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Selling points</source>
        <translation>Selling points</translation>
    </message>
    <message>
        <source>Promo</source>
        <translation>Promo</translation>
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
        <translation>Product</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>On shelf</source>
        <translation>On shelf</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Sells out</source>
        <translation>Sells out</translation>
    </message>
    <message>
        <source>Click the box, or select the row and press %1</source>
        <translation>Click the box, or select the row and press %1</translation>
    </message>
    <message>
        <source>Select the row and press %1: explaining it now</source>
        <translation>Select the row and press %1: explaining it now</translation>
    </message>
    <message>
        <source>Drag a row, or select it and press Ctrl+↑ / Ctrl+↓, to move it</source>
        <translation>Drag a row, or select it and press Ctrl+↑ / Ctrl+↓, to move it</translation>
    </message>
    <message>
        <source>When a product on shelf sells out at its current order rate (the last 1 to 5 minutes)</source>
        <translation>When a product on shelf sells out at its current order rate (the last 1 to 5 minutes)</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Low stock</translation>
    </message>
    <message>
        <source>≈ %1 min</source>
        <translation>≈ %1 min</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Find a product (name or SKU)</source>
        <translation>Find a product (name or SKU)</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>GMV target (¥)</source>
        <translation>GMV target (¥)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Order target</source>
        <translation>Order target</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Show settings</source>
        <translation>Show settings</translation>
    </message>
    <message>
        <source>Opening (min)</source>
        <translation>Opening (min)</translation>
    </message>
    <message>
        <source>Product slot: warn at (min)</source>
        <translation>Product slot: warn at (min)</translation>
    </message>
    <message>
        <source>Product slot: overrun after (min)</source>
        <translation>Product slot: overrun after (min)</translation>
    </message>
    <message>
        <source>Interaction segment length (min)</source>
        <translation>Interaction segment length (min)</translation>
    </message>
    <message>
        <source>Interaction reminder after (min)</source>
        <translation>Interaction reminder after (min)</translation>
    </message>
    <message>
        <source>Interaction alarm after (min)</source>
        <translation>Interaction alarm after (min)</translation>
    </message>
    <message>
        <source>Final push: last (min)</source>
        <translation>Final push: last (min)</translation>
    </message>
    <message>
        <source>Closing (min)</source>
        <translation>Closing (min)</translation>
    </message>
    <message>
        <source>Other segments: warn before the end (min)</source>
        <translation>Other segments: warn before the end (min)</translation>
    </message>
    <message>
        <source>Promo repeats: at least</source>
        <translation>Promo repeats: at least</translation>
    </message>
    <message>
        <source>Promo repeats: at most</source>
        <translation>Promo repeats: at most</translation>
    </message>
    <message>
        <source>Low stock at (units)</source>
        <translation>Low stock at (units)</translation>
    </message>
    <message>
        <source>Viewer drop alert (%)</source>
        <translation>Viewer drop alert (%)</translation>
    </message>
    <message>
        <source>Viewer drop window (min)</source>
        <translation>Viewer drop window (min)</translation>
    </message>
    <message>
        <source>Negative comments per minute for an alert</source>
        <translation>Negative comments per minute for an alert</translation>
    </message>
    <message>
        <source>Low conversion (%)</source>
        <translation>Low conversion (%)</translation>
    </message>
    <message>
        <source>Live data accepted from before the show (h)</source>
        <translation>Live data accepted from before the show (h)</translation>
    </message>
    <message>
        <source>Live data accepted ahead of now (min)</source>
        <translation>Live data accepted ahead of now (min)</translation>
    </message>
    <message>
        <source>Moving onto a product slot puts it on shelf (and the previous one off)</source>
        <translation>Moving onto a product slot puts it on shelf (and the previous one off)</translation>
    </message>
    <message>
        <source>OBS: congestion incident at (%)</source>
        <translation>OBS: congestion incident at (%)</translation>
    </message>
    <message>
        <source>OBS: bitrate incident below (kbps, 0 = off)</source>
        <translation>OBS: bitrate incident below (kbps, 0 = off)</translation>
    </message>
    <message>
        <source>OBS: low bitrate for at least (s)</source>
        <translation>OBS: low bitrate for at least (s)</translation>
    </message>
    <message>
        <source>OBS: skipped frames incident above (%)</source>
        <translation>OBS: skipped frames incident above (%)</translation>
    </message>
    <message>
        <source>OBS: unreachable or not streaming for (s)</source>
        <translation>OBS: unreachable or not streaming for (s)</translation>
    </message>
    <message>
        <source>OBS: incident closes after recovering for (s)</source>
        <translation>OBS: incident closes after recovering for (s)</translation>
    </message>
    <message>
        <source>OBS scenes by segment kind (product=Scene; interaction=Scene)</source>
        <translation>OBS scenes by segment kind (product=Scene; interaction=Scene)</translation>
    </message>
    <message>
        <source>Room's usual: the last (shows)</source>
        <translation>Room's usual: the last (shows)</translation>
    </message>
    <message>
        <source>Below-usual alert at (% below, 0 = off)</source>
        <translation>Below-usual alert at (% below, 0 = off)</translation>
    </message>
    <message>
        <source>Below-usual alert: held for (min)</source>
        <translation>Below-usual alert: held for (min)</translation>
    </message>
    <message>
        <source>Sell-out alert: sells out within (min, 0 = off)</source>
        <translation>Sell-out alert: sells out within (min, 0 = off)</translation>
    </message>
    <message>
        <source>Host display: show the slot's sales against its targets</source>
        <translation>Host display: show the slot's sales against its targets</translation>
    </message>
    <message>
        <source>Recap: a slot's tail after it ends (min)</source>
        <translation>Recap: a slot's tail after it ends (min)</translation>
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
        <translation>no such file</translation>
    </message>
    <message>
        <source>cannot be read ({detail})</source>
        <translation>cannot be read ({detail})</translation>
    </message>
    <message>
        <source>an Excel 97–2003 (.xls) file: save it as .xlsx (or .csv) and import that</source>
        <translation>an Excel 97–2003 (.xls) file: save it as .xlsx (or .csv) and import that</translation>
    </message>
    <message>
        <source>use an .xlsx or .csv file</source>
        <translation>use an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>the sheet is empty</source>
        <translation>the sheet is empty</translation>
    </message>
    <message>
        <source>more than {limit} columns; a {what} has at most {limit}</source>
        <translation>more than {limit} columns; a {what} has at most {limit}</translation>
    </message>
    <message>
        <source>more than {limit} rows of data; a {what} has at most {limit}</source>
        <translation>more than {limit} rows of data; a {what} has at most {limit}</translation>
    </message>
    <message>
        <source>more than {limit} filled cells; a {what} has at most {limit}</source>
        <translation>more than {limit} filled cells; a {what} has at most {limit}</translation>
    </message>
    <message>
        <source>more than {limit} cells, blank ones included; a {what} holds at most {limit} (delete the columns you do not need)</source>
        <translation>more than {limit} cells, blank ones included; a {what} holds at most {limit} (delete the columns you do not need)</translation>
    </message>
    <message>
        <source>the text is {length} characters long; a {what} cell holds at most {limit}</source>
        <translation>the text is {length} characters long; a {what} cell holds at most {limit}</translation>
    </message>
    <message>
        <source>more than {limit} characters of text; a {what} holds at most {limit}</source>
        <translation>more than {limit} characters of text; a {what} holds at most {limit}</translation>
    </message>
    <message>
        <source>a formula without a saved value; save the sheet in Excel (or paste values)</source>
        <translation>a formula without a saved value; save the sheet in Excel (or paste values)</translation>
    </message>
    <message>
        <source>the file is {size} MB; a CSV may be at most {limit} MB</source>
        <translation>the file is {size} MB; a CSV may be at most {limit} MB</translation>
    </message>
    <message>
        <source>a cell is longer than {limit} characters</source>
        <translation>a cell is longer than {limit} characters</translation>
    </message>
    <message>
        <source>not a CSV row ({detail})</source>
        <translation>not a CSV row ({detail})</translation>
    </message>
    <message>
        <source>not UTF-8 or GB18030 text</source>
        <translation>not UTF-8 or GB18030 text</translation>
    </message>
    <message>
        <source>a line longer than {limit} bytes</source>
        <translation>a line longer than {limit} bytes</translation>
    </message>
    <message>
        <source>not an .xlsx workbook (it is not a zip file); save it again from Excel</source>
        <translation>not an .xlsx workbook (it is not a zip file); save it again from Excel</translation>
    </message>
    <message>
        <source>the workbook has {count} parts; at most {limit}</source>
        <translation>the workbook has {count} parts; at most {limit}</translation>
    </message>
    <message>
        <source>the workbook would unpack to {size} MB; at most {limit} MB (nothing was read)</source>
        <translation>the workbook would unpack to {size} MB; at most {limit} MB (nothing was read)</translation>
    </message>
    <message>
        <source>{part} is packed {ratio}:1 (a zip bomb?); a workbook's parts pack at most {limit}:1 (nothing was read)</source>
        <translation>{part} is packed {ratio}:1 (a zip bomb?); a workbook's parts pack at most {limit}:1 (nothing was read)</translation>
    </message>
    <message>
        <source>the workbook's text table is {size} MB; at most {limit} MB</source>
        <translation>the workbook's text table is {size} MB; at most {limit} MB</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>the workbook has no worksheet</translation>
    </message>
    <message>
        <source>the sheet's XML nests deeper than {limit}</source>
        <translation>the sheet's XML nests deeper than {limit}</translation>
    </message>
    <message>
        <source>a cell made of more than {limit} parts</source>
        <translation>a cell made of more than {limit} parts</translation>
    </message>
    <message>
        <source>more cells than Excel has columns ({limit})</source>
        <translation>more cells than Excel has columns ({limit})</translation>
    </message>
    <message>
        <source>more rows than Excel has ({limit})</source>
        <translation>more rows than Excel has ({limit})</translation>
    </message>
    <message>
        <source>{value} is not a row number of Excel's (1–{limit})</source>
        <translation>{value} is not a row number of Excel's (1–{limit})</translation>
    </message>
    <message>
        <source>cell {cell} cannot be read ({detail})</source>
        <translation>cell {cell} cannot be read ({detail})</translation>
    </message>
    <message>
        <source>column {number} is past Excel's last column ({limit})</source>
        <translation>column {number} is past Excel's last column ({limit})</translation>
    </message>
    <message>
        <source>the reader sent more than {limit} bytes (nothing was imported)</source>
        <translation>the reader sent more than {limit} bytes (nothing was imported)</translation>
    </message>
    <message>
        <source>the reader sent a frame of {size} bytes (nothing was imported)</source>
        <translation>the reader sent a frame of {size} bytes (nothing was imported)</translation>
    </message>
    <message>
        <source>the reader's output is broken ({detail}) (nothing was imported)</source>
        <translation>the reader's output is broken ({detail}) (nothing was imported)</translation>
    </message>
    <message>
        <source>more than {limit} rows of data (nothing was imported)</source>
        <translation>more than {limit} rows of data (nothing was imported)</translation>
    </message>
    <message>
        <source>the file changed since it was read: import it again (nothing was imported)</source>
        <translation>the file changed since it was read: import it again (nothing was imported)</translation>
    </message>
    <message>
        <source>missing column {field} ({names})</source>
        <translation>missing column {field} ({names})</translation>
    </message>
    <message>
        <source>{count} products: at most {limit} in one sheet</source>
        <translation>{count} products: at most {limit} in one sheet</translation>
    </message>
    <message>
        <source>{label} {value} repeats row {first}</source>
        <translation>{label} {value} repeats row {first}</translation>
    </message>
    <message>
        <source>the sheet has no {what} rows</source>
        <translation>the sheet has no {what} rows</translation>
    </message>
    <message>
        <source>unknown role {value} (use traffic/profit/image)</source>
        <translation>unknown role {value} (use traffic/profit/image)</translation>
    </message>
    <message>
        <source>{value} is not a price ≥ 0</source>
        <translation>{value} is not a price ≥ 0</translation>
    </message>
    <message>
        <source>{value} is not a whole number ≥ 0</source>
        <translation>{value} is not a whole number ≥ 0</translation>
    </message>
    <message>
        <source>the {label} is empty</source>
        <translation>the {label} is empty</translation>
    </message>
    <message>
        <source>the {label} has a line break; a {label} is one line</source>
        <translation>the {label} has a line break; a {label} is one line</translation>
    </message>
    <message>
        <source>the {label} is {length} characters long; at most {limit}</source>
        <translation>the {label} is {length} characters long; at most {limit}</translation>
    </message>
    <message>
        <source>the text is {length} characters long; at most {limit}</source>
        <translation>the text is {length} characters long; at most {limit}</translation>
    </message>
    <message>
        <source>{count} segments: at most {limit} in one plan</source>
        <translation>{count} segments: at most {limit} in one plan</translation>
    </message>
    <message>
        <source>{value} is not a kind (opening/product/interaction/final push/closing/free)</source>
        <translation>{value} is not a kind (opening/product/interaction/final push/closing/free)</translation>
    </message>
    <message>
        <source>{value} is not a number of minutes between 0 and {limit}</source>
        <translation>{value} is not a number of minutes between 0 and {limit}</translation>
    </message>
    <message>
        <source>{value} is neither a SKU nor a product name of this show</source>
        <translation>{value} is neither a SKU nor a product name of this show</translation>
    </message>
    <message>
        <source>a product slot needs a product</source>
        <translation>a product slot needs a product</translation>
    </message>
    <message>
        <source>no column chosen for {field}</source>
        <translation>no column chosen for {field}</translation>
    </message>
    <message>
        <source>choose at least one of online, gmv, orders</source>
        <translation>choose at least one of online, gmv, orders</translation>
    </message>
    <message>
        <source>{field} is not a field of a {kind} export</source>
        <translation>{field} is not a field of a {kind} export</translation>
    </message>
    <message>
        <source>column {number} for {field} does not exist</source>
        <translation>column {number} for {field} does not exist</translation>
    </message>
    <message>
        <source>{count} rows: at most {limit} in one export</source>
        <translation>{count} rows: at most {limit} in one export</translation>
    </message>
    <message>
        <source>{value} is not a number ≥ 0</source>
        <translation>{value} is not a number ≥ 0</translation>
    </message>
    <message>
        <source>{value} is not a time</source>
        <translation>{value} is not a time</translation>
    </message>
    <message>
        <source>{value} has no date: give the show's date</source>
        <translation>{value} has no date: give the show's date</translation>
    </message>
    <message>
        <source>{value} is not a time (use 2026-01-01 20:05 or 20:05)</source>
        <translation>{value} is not a time (use 2026-01-01 20:05 or 20:05)</translation>
    </message>
    <message>
        <source>a running total went down</source>
        <translation>a running total went down</translation>
    </message>
    <message>
        <source>{count} minutes ({first}–{last}) already have live {what} in the log: nothing imported. Import only the missing minutes (fill gaps), or use another show.</source>
        <translation>{count} minutes ({first}–{last}) already have live {what} in the log: nothing imported. Import only the missing minutes (fill gaps), or use another show.</translation>
    </message>
    <message>
        <source>order {value} repeats row {first}</source>
        <translation>order {value} repeats row {first}</translation>
    </message>
    <message>
        <source>the order id is empty</source>
        <translation>the order id is empty</translation>
    </message>
    <message>
        <source>the amount is empty</source>
        <translation>the amount is empty</translation>
    </message>
    <message>
        <source>a quantity of 0 is not an order</source>
        <translation>a quantity of 0 is not an order</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
    <message>
        <source>price</source>
        <translation>price</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>stock</translation>
    </message>
    <message>
        <source>selling points</source>
        <translation>selling points</translation>
    </message>
    <message>
        <source>promo</source>
        <translation>promo</translation>
    </message>
    <message>
        <source>segment kind</source>
        <translation>segment kind</translation>
    </message>
    <message>
        <source>segment title</source>
        <translation>segment title</translation>
    </message>
    <message>
        <source>minutes of the segment</source>
        <translation>minutes of the segment</translation>
    </message>
    <message>
        <source>the product</source>
        <translation>the product</translation>
    </message>
    <message>
        <source>segment notes</source>
        <translation>segment notes</translation>
    </message>
    <message>
        <source>GMV target of the segment</source>
        <translation>GMV target of the segment</translation>
    </message>
    <message>
        <source>order target of the segment</source>
        <translation>order target of the segment</translation>
    </message>
    <message>
        <source>segment ID</source>
        <translation>segment ID</translation>
    </message>
    <message>
        <source>the time</source>
        <translation>the time</translation>
    </message>
    <message>
        <source>online viewers</source>
        <translation>online viewers</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>entries</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>order count</source>
        <translation>order count</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>order number</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>quantity</translation>
    </message>
    <message>
        <source>amount paid</source>
        <translation>amount paid</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation>buyer</translation>
    </message>
    <message>
        <source>product sheet</source>
        <translation>product sheet</translation>
    </message>
    <message>
        <source>run of show sheet</source>
        <translation>run of show sheet</translation>
    </message>
    <message>
        <source>platform export</source>
        <translation>platform export</translation>
    </message>
    <message>
        <source>product</source>
        <translation>product</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <source>order</source>
        <translation>order</translation>
    </message>
    <message>
        <source>viewer figures</source>
        <translation>viewer figures</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>sales</translation>
    </message>
    <message>
        <source>viewer figures and sales</source>
        <translation>viewer figures and sales</translation>
    </message>
    <message>
        <source>per-minute trend</source>
        <translation>per-minute trend</translation>
    </message>
    <message>
        <source>order list</source>
        <translation>order list</translation>
    </message>
    <message>
        <source>{file}: {text}</source>
        <translation>{file}: {text}</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {why}</source>
        <translation>row {row}, column {column}: {why}</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({field}): {why}</source>
        <translation>row {row}, column {column} ({field}): {why}</translation>
    </message>
    <message>
        <source>row {row}: {why}</source>
        <translation>row {row}: {why}</translation>
    </message>
    <message>
        <source>column {column}: {why}</source>
        <translation>column {column}: {why}</translation>
    </message>
    <message>
        <source>column {column} ({field}): {why}</source>
        <translation>column {column} ({field}): {why}</translation>
    </message>
    <message>
        <source>{first} (and {n} more)</source>
        <translation>{first} (and {n} more)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Agency server…</source>
        <translation>Agency server…</translation>
    </message>
    <message>
        <source>The address has a password, which would be kept in plain text: put the password in the server's .pgpass file or a service file instead.</source>
        <translation>The address has a password, which would be kept in plain text: put the password in the server's .pgpass file or a service file instead.</translation>
    </message>
    <message>
        <source>Agency server</source>
        <translation>Agency server</translation>
    </message>
    <message>
        <source>PostgreSQL address the open show is synced to (empty: no sync):</source>
        <translation>PostgreSQL address the open show is synced to (empty: no sync):</translation>
    </message>
    <message>
        <source>Agency: offline since %1</source>
        <translation>Agency: offline since %1</translation>
    </message>
    <message>
        <source>Agency: not syncing</source>
        <translation>Agency: not syncing</translation>
    </message>
    <message>
        <source>Agency: connecting…</source>
        <translation>Agency: connecting…</translation>
    </message>
    <message>
        <source>Agency: behind by %1 events</source>
        <translation>Agency: behind by %1 events</translation>
    </message>
    <message>
        <source>Agency: synced</source>
        <translation>Agency: synced</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message>
        <source>No show open</source>
        <translation>No show open</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Show elapsed</source>
        <translation>Show elapsed</translation>
    </message>
    <message>
        <source>Ahead (+) / behind (−)</source>
        <translation>Ahead (+) / behind (−)</translation>
    </message>
    <message>
        <source>Expected end</source>
        <translation>Expected end</translation>
    </message>
    <message>
        <source>GMV of the slots with a GMV target so far, against what their targets expected by now (the slot on air pro-rated by its time)</source>
        <translation>GMV of the slots with a GMV target so far, against what their targets expected by now (the slot on air pro-rated by its time)</translation>
    </message>
    <message>
        <source>Slot vs target</source>
        <translation>Slot vs target</translation>
    </message>
    <message>
        <source>Money vs plan</source>
        <translation>Money vs plan</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Final push</source>
        <translation>Final push</translation>
    </message>
    <message>
        <source>Message for the host display</source>
        <translation>Message for the host display</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>Blink</translation>
    </message>
    <message>
        <source>Send to host</source>
        <translation>Send to host</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Avg order</source>
        <translation>Avg order</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>Interaction rate</source>
        <translation>Interaction rate</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>Show ended</translation>
    </message>
    <message>
        <source>Press Start when the stream goes live.</source>
        <translation>Press Start when the stream goes live.</translation>
    </message>
    <message>
        <source>Show length</source>
        <translation>Show length</translation>
    </message>
    <message>
        <source>%1 / %2 orders</source>
        <translation>%1 / %2 orders</translation>
    </message>
    <message>
        <source>Ended at %1 (%2)</source>
        <translation>Ended at %1 (%2)</translation>
    </message>
    <message>
        <source>Last interaction %1 min ago</source>
        <translation>Last interaction %1 min ago</translation>
    </message>
    <message>
        <source>Promo repeats: </source>
        <translation>Promo repeats: </translation>
    </message>
    <message>
        <source>… +%1 more</source>
        <translation>… +%1 more</translation>
    </message>
</context>
<context>
    <name>log</name>
    <message>
        <source>Show started</source>
        <translation>Show started</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <source>Show ended</source>
        <translation>Show ended</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Promo repeated</source>
        <translation>Promo repeated</translation>
    </message>
    <message>
        <source>On shelf</source>
        <translation>On shelf</translation>
    </message>
    <message>
        <source>Off shelf</source>
        <translation>Off shelf</translation>
    </message>
    <message>
        <source>Explaining</source>
        <translation>Explaining</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Incident opened</source>
        <translation>Incident opened</translation>
    </message>
    <message>
        <source>Incident closed</source>
        <translation>Incident closed</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Host message</source>
        <translation>Host message</translation>
    </message>
    <message>
        <source>Plan edited</source>
        <translation>Plan edited</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Plan changed</source>
        <translation>Plan changed</translation>
    </message>
    <message>
        <source>Product added</source>
        <translation>Product added</translation>
    </message>
    <message>
        <source>Product changed</source>
        <translation>Product changed</translation>
    </message>
    <message>
        <source>Product removed</source>
        <translation>Product removed</translation>
    </message>
    <message>
        <source>Queue reordered</source>
        <translation>Queue reordered</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
    <message>
        <source>price</source>
        <translation>price</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>stock</translation>
    </message>
    <message>
        <source>selling points</source>
        <translation>selling points</translation>
    </message>
    <message>
        <source>promo</source>
        <translation>promo</translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation>%1 segments</translation>
    </message>
    <message>
        <source>stock %1</source>
        <translation>stock %1</translation>
    </message>
    <message>
        <source>%1 products in a new order</source>
        <translation>%1 products in a new order</translation>
    </message>
    <message>
        <source>%1: %2 min</source>
        <translation>%1: %2 min</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opening the show…</source>
        <translation>Opening the show…</translation>
    </message>
    <message>
        <source>Rehearsal %1</source>
        <translation>Rehearsal %1</translation>
    </message>
    <message>
        <source>Replay of #%1: %2</source>
        <translation>Replay of #%1: %2</translation>
    </message>
    <message>
        <source>There is no show in this database yet. Create one now?</source>
        <translation>There is no show in this database yet. Create one now?</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>New segment</source>
        <translation>New segment</translation>
    </message>
    <message>
        <source>Row %1: “%2” is on air; move on before removing it.</source>
        <translation>Row %1: “%2” is on air; move on before removing it.</translation>
    </message>
    <message>
        <source>The show has started: edit the plan instead of replacing it.</source>
        <translation>The show has started: edit the plan instead of replacing it.</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>New product</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Product slot</source>
        <translation>Product slot</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Final push</source>
        <translation>Final push</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Free segment</source>
        <translation>Free segment</translation>
    </message>
    <message>
        <source>Traffic driver</source>
        <translation>Traffic driver</translation>
    </message>
    <message>
        <source>Profit item</source>
        <translation>Profit item</translation>
    </message>
    <message>
        <source>Image item</source>
        <translation>Image item</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Profit</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Wrap up</translation>
    </message>
    <message>
        <source>Overrun</source>
        <translation>Overrun</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <source>Microphones</source>
        <translation>Microphones</translation>
    </message>
    <message>
        <source>Lighting</source>
        <translation>Lighting</translation>
    </message>
    <message>
        <source>Network bandwidth test</source>
        <translation>Network bandwidth test</translation>
    </message>
    <message>
        <source>Stock confirmed</source>
        <translation>Stock confirmed</translation>
    </message>
    <message>
        <source>Team briefed</source>
        <translation>Team briefed</translation>
    </message>
    <message>
        <source>Pre-show promotion out</source>
        <translation>Pre-show promotion out</translation>
    </message>
    <message>
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negative</translation>
    </message>
    <message>
        <source>oversell</source>
        <translation>oversell</translation>
    </message>
    <message>
        <source>off shelf</source>
        <translation>off shelf</translation>
    </message>
    <message>
        <source>sold out</source>
        <translation>sold out</translation>
    </message>
    <message>
        <source>unknown product</source>
        <translation>unknown product</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>typed in</translation>
    </message>
    <message>
        <source>technical failure</source>
        <translation>technical failure</translation>
    </message>
    <message>
        <source>negative comments</source>
        <translation>negative comments</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>repeat more</source>
        <translation>repeat more</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>on target</translation>
    </message>
    <message>
        <source>enough</source>
        <translation>enough</translation>
    </message>
    <message>
        <source>{a} over by {b}</source>
        <translation>{a} over by {b}</translation>
    </message>
    <message>
        <source>No interaction for {a} min</source>
        <translation>No interaction for {a} min</translation>
    </message>
    <message>
        <source>Interaction due ({a} min since the last)</source>
        <translation>Interaction due ({a} min since the last)</translation>
    </message>
    <message>
        <source>Final push: last minutes of the show</source>
        <translation>Final push: last minutes of the show</translation>
    </message>
    <message>
        <source>{a} sold out</source>
        <translation>{a} sold out</translation>
    </message>
    <message>
        <source>{a}: only {b} left</source>
        <translation>{a}: only {b} left</translation>
    </message>
    <message>
        <source>{a} unexpected order(s): off shelf, sold out or unknown</source>
        <translation>{a} unexpected order(s): off shelf, sold out or unknown</translation>
    </message>
    <message>
        <source>Online viewers down {a}% ({b} → {c})</source>
        <translation>Online viewers down {a}% ({b} → {c})</translation>
    </message>
    <message>
        <source>{a} negative comments this minute</source>
        <translation>{a} negative comments this minute</translation>
    </message>
    <message>
        <source>{a} is on air but off shelf</source>
        <translation>{a} is on air but off shelf</translation>
    </message>
    <message>
        <source>Online {a}% below your last {b} shows at minute {c}</source>
        <translation>Online {a}% below your last {b} shows at minute {c}</translation>
    </message>
    <message>
        <source>GMV {a}% below your last {b} shows at minute {c}</source>
        <translation>GMV {a}% below your last {b} shows at minute {c}</translation>
    </message>
    <message>
        <source>{a} sells out in about {b} min: push, restock or take it down</source>
        <translation>{a} sells out in about {b} min: push, restock or take it down</translation>
    </message>
    <message>
        <source>The show is not running ({a}).</source>
        <translation>The show is not running ({a}).</translation>
    </message>
    <message>
        <source>The show is already {a}.</source>
        <translation>The show is already {a}.</translation>
    </message>
    <message>
        <source>The show is not running.</source>
        <translation>The show is not running.</translation>
    </message>
    <message>
        <source>The show is not paused.</source>
        <translation>The show is not paused.</translation>
    </message>
    <message>
        <source>The plan has no segments.</source>
        <translation>The plan has no segments.</translation>
    </message>
    <message>
        <source>This is the last segment: end the show instead.</source>
        <translation>This is the last segment: end the show instead.</translation>
    </message>
    <message>
        <source>This is the first segment.</source>
        <translation>This is the first segment.</translation>
    </message>
    <message>
        <source>Choose the product whose promo was repeated.</source>
        <translation>Choose the product whose promo was repeated.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>A note needs some text.</translation>
    </message>
    <message>
        <source>Describe the incident.</source>
        <translation>Describe the incident.</translation>
    </message>
    <message>
        <source>No open incident {a}.</source>
        <translation>No open incident {a}.</translation>
    </message>
    <message>
        <source>Product row {a}: SKU {b} appears twice</source>
        <translation>Product row {a}: SKU {b} appears twice</translation>
    </message>
    <message>
        <source>Product row {a}: {b}</source>
        <translation>Product row {a}: {b}</translation>
    </message>
    <message>
        <source>Segment row {a}: product {b} is not in the queue</source>
        <translation>Segment row {a}: product {b} is not in the queue</translation>
    </message>
    <message>
        <source>Segment row {a}: segment id {b} appears twice</source>
        <translation>Segment row {a}: segment id {b} appears twice</translation>
    </message>
    <message>
        <source>Segment row {a}: {b}</source>
        <translation>Segment row {a}: {b}</translation>
    </message>
    <message>
        <source>The plan needs at least one segment.</source>
        <translation>The plan needs at least one segment.</translation>
    </message>
    <message>
        <source>“{a}” is on air; move on before removing it.</source>
        <translation>“{a}” is on air; move on before removing it.</translation>
    </message>
    <message>
        <source>“{a}” is on air: it stays in the plan.</source>
        <translation>“{a}” is on air: it stays in the plan.</translation>
    </message>
    <message>
        <source>{a} is on air: it cannot be removed.</source>
        <translation>{a} is on air: it cannot be removed.</translation>
    </message>
    <message>
        <source>{a} is on shelf: take it off shelf before removing it.</source>
        <translation>{a} is on shelf: take it off shelf before removing it.</translation>
    </message>
    <message>
        <source>{a} has sales: a product that has sold stays in the show.</source>
        <translation>{a} has sales: a product that has sold stays in the show.</translation>
    </message>
    <message>
        <source>{a} is used by segment(s) {b}; change them first.</source>
        <translation>{a} is used by segment(s) {b}; change them first.</translation>
    </message>
    <message>
        <source>{a} is on air: its SKU cannot change.</source>
        <translation>{a} is on air: its SKU cannot change.</translation>
    </message>
    <message>
        <source>{a} is on shelf: its SKU cannot change.</source>
        <translation>{a} is on shelf: its SKU cannot change.</translation>
    </message>
    <message>
        <source>{a} has sales: its SKU stays (its orders name it); add a new product instead.</source>
        <translation>{a} has sales: its SKU stays (its orders name it); add a new product instead.</translation>
    </message>
    <message>
        <source>{a} is on air: its name and role stay as they are.</source>
        <translation>{a} is on air: its name and role stay as they are.</translation>
    </message>
    <message>
        <source>{a} is on shelf: its name and role stay as they are.</source>
        <translation>{a} is on shelf: its name and role stay as they are.</translation>
    </message>
    <message>
        <source>{a} has sales: its name and role stay as they are.</source>
        <translation>{a} has sales: its name and role stay as they are.</translation>
    </message>
    <message>
        <source>{a} has sold or had its stock adjusted: set its stock in the queue.</source>
        <translation>{a} has sold or had its stock adjusted: set its stock in the queue.</translation>
    </message>
    <message>
        <source>{a}: a stock of {b} would leave {c} after what was sold.</source>
        <translation>{a}: a stock of {b} would leave {c} after what was sold.</translation>
    </message>
    <message>
        <source>{a} as a stock adjustment: what was sold stays sold ({b} left).</source>
        <translation>{a} as a stock adjustment: what was sold stays sold ({b} left).</translation>
    </message>
    <message>
        <source>Not in the sheet.</source>
        <translation>Not in the sheet.</translation>
    </message>
    <message>
        <source>A {a}-minute show is too short for the opening, the final push and the closing.</source>
        <translation>A {a}-minute show is too short for the opening, the final push and the closing.</translation>
    </message>
    <message>
        <source>the database is busy</source>
        <translation>the database is busy</translation>
    </message>
    <message>
        <source>the database is locked</source>
        <translation>the database is locked</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>out of memory</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>the database is read-only</translation>
    </message>
    <message>
        <source>a disk I/O error</source>
        <translation>a disk I/O error</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation>the database file cannot be opened</translation>
    </message>
    <message>
        <source>the database refused the write</source>
        <translation>the database refused the write</translation>
    </message>
    <message>
        <source>the connection to the database was lost</source>
        <translation>the connection to the database was lost</translation>
    </message>
    <message>
        <source>the log is behind</source>
        <translation>the log is behind</translation>
    </message>
    <message>
        <source>The database cannot write ({a}): nothing was changed. Try again in a moment.</source>
        <translation>The database cannot write ({a}): nothing was changed. Try again in a moment.</translation>
    </message>
    <message>
        <source>1 event is waiting</source>
        <translation>1 event is waiting</translation>
    </message>
    <message>
        <source>{n} events are waiting</source>
        <translation>{n} events are waiting</translation>
    </message>
    <message>
        <source>free space and it writes them.</source>
        <translation>free space and it writes them.</translation>
    </message>
    <message>
        <source>it writes them as soon as the database can write again.</source>
        <translation>it writes them as soon as the database can write again.</translation>
    </message>
    <message>
        <source>The database cannot write ({a}): {b}. Nothing is lost while ControlRoom stays open; {c}</source>
        <translation>The database cannot write ({a}): {b}. Nothing is lost while ControlRoom stays open; {c}</translation>
    </message>
    <message>
        <source>1 event could not be stored and was kept in {p}.</source>
        <translation>1 event could not be stored and was kept in {p}.</translation>
    </message>
    <message>
        <source>{n} events could not be stored and were kept in {p}.</source>
        <translation>{n} events could not be stored and were kept in {p}.</translation>
    </message>
    <message>
        <source>1 event could not be stored; it is kept only while ControlRoom stays open.</source>
        <translation>1 event could not be stored; it is kept only while ControlRoom stays open.</translation>
    </message>
    <message>
        <source>{n} events could not be stored; they are kept only while ControlRoom stays open.</source>
        <translation>{n} events could not be stored; they are kept only while ControlRoom stays open.</translation>
    </message>
    <message>
        <source>Another ControlRoom opened this show on the server while the connection was lost: close one of them.</source>
        <translation>Another ControlRoom opened this show on the server while the connection was lost: close one of them.</translation>
    </message>
    <message>
        <source>The connection to the server is lost; the show lock is taken again when it is back.</source>
        <translation>The connection to the server is lost; the show lock is taken again when it is back.</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>next segment</source>
        <translation>next segment</translation>
    </message>
    <message>
        <source>previous segment</source>
        <translation>previous segment</translation>
    </message>
    <message>
        <source>jump to segment</source>
        <translation>jump to segment</translation>
    </message>
    <message>
        <source>skip segment</source>
        <translation>skip segment</translation>
    </message>
    <message>
        <source>extend</source>
        <translation>extend</translation>
    </message>
    <message>
        <source>interaction marked</source>
        <translation>interaction marked</translation>
    </message>
    <message>
        <source>promo repeated</source>
        <translation>promo repeated</translation>
    </message>
    <message>
        <source>on shelf</source>
        <translation>on shelf</translation>
    </message>
    <message>
        <source>off shelf</source>
        <translation>off shelf</translation>
    </message>
    <message>
        <source>explaining</source>
        <translation>explaining</translation>
    </message>
    <message>
        <source>host message</source>
        <translation>host message</translation>
    </message>
    <message>
        <source>incident opened</source>
        <translation>incident opened</translation>
    </message>
    <message>
        <source>incident closed</source>
        <translation>incident closed</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>pause</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>resume</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>Nothing to undo since the show started.</source>
        <translation>Nothing to undo since the show started.</translation>
    </message>
    <message>
        <source>Nothing to undo since the show ended.</source>
        <translation>Nothing to undo since the show ended.</translation>
    </message>
</context>
</TS>
