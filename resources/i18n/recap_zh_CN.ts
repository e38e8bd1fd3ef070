<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RecapExport</name>
    <message>
        <source>Exporting the recap…</source>
        <translation>正在导出复盘…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export recap</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <source>Reading the show…</source>
        <translation>正在读取场次…</translation>
    </message>
    <message>
        <source>Going through the show log…</source>
        <translation>正在整理直播日志…</translation>
    </message>
    <message>
        <source>Writing the sheets…</source>
        <translation>正在写入工作表…</translation>
    </message>
    <message>
        <source>Saving the workbook…</source>
        <translation>正在保存工作簿…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>the export process stopped</source>
        <translation>导出进程已停止</translation>
    </message>
    <message>
        <source>The recap could not be written: %1</source>
        <translation>复盘无法写入：%1</translation>
    </message>
    <message>
        <source>The recap was written to %1</source>
        <translation>复盘已保存到 %1</translation>
    </message>
    <message>
        <source>The export process could not start.</source>
        <translation>导出进程无法启动。</translation>
    </message>
    <message>
        <source>show</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>recap</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>-to-{t}</source>
        <translation>-截至{t}</translation>
    </message>
</context>
</TS>
