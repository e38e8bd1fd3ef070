<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RecapExport</name>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="44"/>
        <source>Exporting the recap…</source>
        <translation>正在导出复盘…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="44"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="45"/>
        <location filename="../../controlroom/ui/export_dialog.py" line="117"/>
        <source>Export recap</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="66"/>
        <source>Reading the show…</source>
        <translation>正在读取场次…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="67"/>
        <source>Going through the show log…</source>
        <translation>正在整理直播日志…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="68"/>
        <source>Writing the sheets…</source>
        <translation>正在写入工作表…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="69"/>
        <source>Saving the workbook…</source>
        <translation>正在保存工作簿…</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="70"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="99"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="101"/>
        <source>the export process stopped</source>
        <translation>导出进程已停止</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="102"/>
        <source>The recap could not be written: %1</source>
        <translation>复盘无法写入：%1</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="107"/>
        <source>The export process could not start.</source>
        <translation>导出进程无法启动。</translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="141"/>
        <location filename="../../controlroom/ui/export_dialog.py" line="144"/>
        <source>Export recap</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <location filename="../../controlroom/ui/export_dialog.py" line="142"/>
        <source>The recap was written to %1</source>
        <translation>复盘已保存到 %1</translation>
    </message>
</context>
</TS>
