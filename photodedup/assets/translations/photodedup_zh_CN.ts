<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="69"/>
        <source>About PhotoDedup</source>
        <extracomment>Distribution names of the libraries PhotoDedup is built on, shown in About.</extracomment>
        <translation>关于 PhotoDedup</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="73"/>
        <source>Finds duplicate photos in your folders and moves the extra copies to the trash, safely and undoably.</source>
        <translation>查找文件夹中的重复照片，并将多余的副本安全地移到回收站，随时可以撤销。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="79"/>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="82"/>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="82"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="93"/>
        <source>Built with:</source>
        <translation>基于以下库构建：</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <location filename="../../gui/file_card.py" line="46"/>
        <source>suggested keeper</source>
        <translation>建议保留</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="47"/>
        <source>identical file</source>
        <translation>相同文件</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="48"/>
        <source>same pixels</source>
        <translation>像素相同</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="49"/>
        <source>resized</source>
        <translation>已缩放</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="50"/>
        <source>converted</source>
        <translation>已转换格式</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="51"/>
        <source>rotated</source>
        <translation>已旋转</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="52"/>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="53"/>
        <source>framed</source>
        <translation>加框</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="54"/>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="55"/>
        <source>another shot</source>
        <translation>另一张照片</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="75"/>
        <source>Smaller resolution than the suggested keeper ({w}×{h})</source>
        <translation>分辨率低于建议保留的文件 ({w}×{h})</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="80"/>
        <source>Smaller file than the suggested keeper ({size})</source>
        <translation>文件小于建议保留的文件 ({size})</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="84"/>
        <source>Newer copy than the suggested keeper ({date})</source>
        <translation>比建议保留的文件更新的副本 ({date})</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="93"/>
        <source>Looks the same</source>
        <translation>看起来相同</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="95"/>
        <source>Very similar</source>
        <translation>非常相似</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="98"/>
        <source>Somewhat similar</source>
        <translation>有些相似</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="102"/>
        <source>The fingerprints of this copy and the keeper differ in %n bit(s) of {bits}</source>
        <translation>此副本与保留文件的指纹在 {bits} 位中有 %n 位不同</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="115"/>
        <source>+ Live Photo video, {size}</source>
        <translation>+ 实况照片视频，{size}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="119"/>
        <source>+ iPhone edits (.AAE)</source>
        <translation>+ iPhone 编辑 (.AAE)</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="122"/>
        <source>rating {n}</source>
        <translation>评分 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="124"/>
        <source>edits</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="127"/>
        <source>%n keyword(s)</source>
        <translation>%n 个关键词</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="129"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="131"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="133"/>
        <source>+ XMP sidecar</source>
        <translation>+ XMP 附属文件</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="135"/>
        <source>+ Google Takeout metadata</source>
        <translation>+ Google Takeout 元数据</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="138"/>
        <source>{name}: {details}</source>
        <translation>{name}：{details}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="216"/>
        <location filename="../../gui/file_card.py" line="422"/>
        <source>Double-click to open a large view</source>
        <translation>双击查看大图</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="222"/>
        <source>Keep: {reason}</source>
        <translation>保留：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="236"/>
        <source>{w}×{h}</source>
        <translation>{w}×{h}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="258"/>
        <source>unknown camera</source>
        <translation>未知相机</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="310"/>
        <source>Keep only this</source>
        <translation>只保留这个</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="159"/>
        <source>Show differences</source>
        <translation>显示差异</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="443"/>
        <source>✓ Keep</source>
        <translation>✓ 保留</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="446"/>
        <source>✕ Trash</source>
        <translation>✕ 移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="453"/>
        <source>Marked for trash: press to keep (Space)</source>
        <translation>已标记移到回收站：按下则保留 (Space)</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="455"/>
        <source>Mark for trash (Space)</source>
        <translation>标记移到回收站 (Space)</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="251"/>
        <source>sharpness {s:.0f}</source>
        <translation>清晰度 {s:.0f}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="291"/>
        <source>Goes to the trash and comes back with this photo: {path}</source>
        <translation>与此照片一起移入回收站，也一起恢复：{path}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="313"/>
        <source>Keep this file and mark the others for trash</source>
        <translation>保留此文件，将其他文件标记为移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="325"/>
        <source>Reference folder: this file is always kept</source>
        <translation>参考文件夹：此文件始终保留</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="440"/>
        <source>🔒 Reference</source>
        <translation>🔒 参考</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="302"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="479"/>
        <source>Cannot show this file: {error}</source>
        <translation>无法显示此文件：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="142"/>
        <source>↑/↓ or J/K: groups · ←/→: files · Space: keep/trash · Delete: trash · double-click: large view</source>
        <extracomment>Cards made per turn of the event loop: one costs 2-3 ms, and a group of look-alikes can hold hundreds of files (376 in the 100,000-photo benchmark: 2 s in one turn).</extracomment>
        <translation>↑/↓ 或 J/K：分组 · ←/→：文件 · 空格：保留/回收站 · Delete：回收站 · 双击：大图查看</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="162"/>
        <source>The chosen copy (or the first) lined up with the keeper: heat map, blink, zoom (D)</source>
        <translation>将所选副本（或第一个副本）与保留的文件对齐比较：热图、闪烁、缩放 (D)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="297"/>
        <source>Not a duplicate of the keeper</source>
        <translation>不是保留文件的重复项</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="300"/>
        <source>Remember that this photo differs from the keeper: it leaves this group, and later scans never group them</source>
        <translation>记住此照片与保留的文件不同：它将离开此组，以后的扫描也不会再将它们归为一组</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="312"/>
        <source>Not a duplicate of the keeper (identical file: cannot be)</source>
        <translation>不是保留文件的重复项（文件完全相同，不可用）</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="319"/>
        <source>Compare with keeper...</source>
        <translation>与保留的文件比较...</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="322"/>
        <source>Large view of this photo next to the keeper, zoom and pan locked</source>
        <translation>在保留的文件旁放大显示此照片，缩放和平移同步</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="329"/>
        <source>Show differences from the keeper...</source>
        <translation>显示与保留文件的差异...</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="374"/>
        <source>Select a group to compare its files</source>
        <translation>选择一个组以比较其中的文件</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="386"/>
        <source>%n file(s) · {kind}</source>
        <translation>%n 个文件 · {kind}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="97"/>
        <source>Similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="382"/>
        <source>Similar shots, all different photos</source>
        <translation>相似照片（均为不同的照片）</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="512"/>
        <source>Reference files are always kept.</source>
        <translation>参考文件夹中的文件始终保留。</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="516"/>
        <source>A group must keep at least one file.</source>
        <translation>每组至少要保留一个文件。</translation>
    </message>
</context>
<context>
    <name>Differences</name>
    <message>
        <location filename="../../gui/differences.py" line="53"/>
        <source>The same picture, pixel for pixel.</source>
        <extracomment>Blink: how long each picture stays before the other replaces it.</extracomment>
        <translation>同一张照片，像素完全一致。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="55"/>
        <source>The same picture, re-encoded or resized: the differences are compression noise.</source>
        <translation>同一张照片，经过重新编码或缩放：差异只是压缩噪点。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="60"/>
        <source>The same picture with its brightness or colours changed.</source>
        <translation>同一张照片，亮度或颜色有改动。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="64"/>
        <source>Differs across much of the picture: a strong edit, a filter or another photo.</source>
        <translation>照片的大部分区域不同：大幅编辑、滤镜或另一张照片。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="69"/>
        <source>Differs mostly in the top left.</source>
        <translation>差异主要在左上方。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="72"/>
        <source>Differs mostly at the top.</source>
        <translation>差异主要在上方。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="73"/>
        <source>Differs mostly in the top right.</source>
        <translation>差异主要在右上方。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="76"/>
        <source>Differs mostly on the left.</source>
        <translation>差异主要在左侧。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="77"/>
        <source>Differs mostly in the middle.</source>
        <translation>差异主要在中间。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="78"/>
        <source>Differs mostly on the right.</source>
        <translation>差异主要在右侧。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="79"/>
        <source>Differs mostly in the bottom left.</source>
        <translation>差异主要在左下方。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="82"/>
        <source>Differs mostly at the bottom.</source>
        <translation>差异主要在下方。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="83"/>
        <source>Differs mostly in the bottom right.</source>
        <translation>差异主要在右下方。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="86"/>
        <source>Differs across much of the picture.</source>
        <translation>照片的大部分区域不同。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="92"/>
        <source>Its brightness or colours were changed too.</source>
        <translation>亮度或颜色也有改动。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="105"/>
        <source>The copy is shown mirrored and turned {angle}° clockwise.</source>
        <translation>副本已镜像并顺时针旋转 {angle}° 显示。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="110"/>
        <source>The copy is shown mirrored.</source>
        <translation>副本已镜像显示。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="113"/>
        <source>The copy is shown turned {angle}° clockwise.</source>
        <translation>副本已顺时针旋转 {angle}° 显示。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="119"/>
        <source>The frame around the copy is left out.</source>
        <translation>比较时不含副本周围的边框。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="123"/>
        <source>The frame around the keeper is left out.</source>
        <translation>比较时不含保留文件周围的边框。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="127"/>
        <source>One picture is a crop of the other: the part both show is compared.</source>
        <translation>一张是另一张的裁剪：只比较两者共有的部分。</translation>
    </message>
</context>
<context>
    <name>DifferencesDialog</name>
    <message>
        <location filename="../../gui/differences.py" line="169"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="176"/>
        <source>The copy compared with the keeper</source>
        <translation>与保留文件比较的副本</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="180"/>
        <source>Blink</source>
        <translation>闪烁</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="183"/>
        <source>Show the keeper and the copy in turn on the left (B)</source>
        <translation>在左侧轮流显示保留文件和副本 (B)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="190"/>
        <source>Heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="192"/>
        <source>On the right: where the copy differs, yellow slightly, red strongly (H)</source>
        <translation>右侧：副本不同之处，黄色为轻微，红色为明显 (H)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="194"/>
        <source>Copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="195"/>
        <source>On the right: the copy, lined up with the keeper (H)</source>
        <translation>右侧：与保留文件对齐的副本 (H)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="204"/>
        <source>Copy:</source>
        <translation>副本：</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="212"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="212"/>
        <source>Zoom in (+ or mouse wheel)</source>
        <translation>放大（+ 或鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="213"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="213"/>
        <source>Zoom out (- or mouse wheel)</source>
        <translation>缩小（- 或鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="214"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="214"/>
        <source>Fit to window (F)</source>
        <translation>适应窗口 (F)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="215"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="215"/>
        <source>Actual pixels (1)</source>
        <translation>实际像素 (1)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="335"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="337"/>
        <source>Comparing as soon as the running job is done…</source>
        <translation>正在运行的任务完成后立即比较…</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="339"/>
        <source>Lining the copy up with the keeper…</source>
        <translation>正在将副本与保留文件对齐…</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="385"/>
        <source>{p} % of the picture differs by more than compression noise</source>
        <translation>照片中有 {p} % 的差异超出压缩噪点</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="403"/>
        <source>The comparison failed: {e}</source>
        <translation>比较失败：{e}</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="410"/>
        <source>Cannot compare: “{name}” cannot be read. {reason}.</source>
        <translation>无法比较：无法读取“{name}”。{reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="439"/>
        <source>Keeper: {name}</source>
        <translation>保留：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="440"/>
        <source>Copy: {name}</source>
        <translation>副本：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="448"/>
        <source>Differences: yellow slight, red strong</source>
        <translation>差异：黄色为轻微，红色为明显</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="450"/>
        <source>{copy}, lined up</source>
        <translation>{copy}（已对齐）</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="106"/>
        <source>PhotoDedup: something went wrong</source>
        <translation>PhotoDedup：出现问题</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="118"/>
        <source>The details were also written to %1</source>
        <translation>详细信息也已写入 %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="124"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ExceptionHandler</name>
    <message>
        <location filename="../../gui/app.py" line="191"/>
        <source>PhotoDedup ran into an unexpected error. Your files were not changed by it; you can keep working, or restart the app if something looks wrong.</source>
        <extracomment>The longest a background thread running Python keeps the GIL while the GUI thread waits for it (Python&apos;s default: 5 ms). A repaint calls into Python hundreds of times (models, delegates) and each call could wait the whole interval while a scan or the autosave ran Python: at 100,000 photos that stalled the window for 0.1-0.2 s at a time (BENCHMARKS.md).</extracomment>
        <translation>PhotoDedup 遇到了意外错误。此错误没有改动您的文件；您可以继续操作，如果看起来有异常，请重新启动应用。</translation>
    </message>
</context>
<context>
    <name>FindCopiesDialog</name>
    <message>
        <location filename="../../gui/find_copies.py" line="96"/>
        <source>Copies of %1</source>
        <translation>%1 的副本</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/find_copies.py" line="101"/>
        <source>%n copy(ies) of %1 found in the scanned folders:</source>
        <translation>
            <numerusform>在扫描的文件夹中找到 %1 的 %n 个副本：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="105"/>
        <source>No copy of %1 was found in the scanned folders.</source>
        <translation>在扫描的文件夹中没有找到 %1 的副本。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="113"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="114"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="115"/>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="116"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="117"/>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="122"/>
        <source>identical</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="122"/>
        <source>distance %1</source>
        <translation>距离 %1</translation>
    </message>
</context>
<context>
    <name>FindCopiesFlow</name>
    <message>
        <location filename="../../gui/find_copies.py" line="58"/>
        <source>Add the folders to search first.</source>
        <translation>请先添加要搜索的文件夹。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="63"/>
        <source>Find copies of a photo</source>
        <translation>查找照片的副本</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="65"/>
        <source>Photos (%1)</source>
        <translation>照片 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="71"/>
        <source>Looking for copies of %1...</source>
        <translation>正在查找 %1 的副本...</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="75"/>
        <source>Search cancelled.</source>
        <translation>搜索已取消。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="77"/>
        <source>Search finished.</source>
        <translation>搜索完成。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="85"/>
        <source>Search stopped.</source>
        <translation>搜索已停止。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="86"/>
        <source>Could not look for copies of this photo.</source>
        <translation>无法查找此照片的副本。</translation>
    </message>
</context>
<context>
    <name>FolderListModel</name>
    <message>
        <location filename="../../gui/folder_list.py" line="99"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="99"/>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="101"/>
        <source>Reference (never trashed): files in these folders are always kept</source>
        <translation>参考（从不移到回收站）：这些文件夹中的文件始终保留</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="117"/>
        <source>Reference (never trashed)</source>
        <translation>参考（从不移到回收站）</translation>
    </message>
</context>
<context>
    <name>FolderListWidget</name>
    <message>
        <location filename="../../gui/folder_list.py" line="212"/>
        <source>Folders to scan. Drop folders here to add them.</source>
        <translation>要扫描的文件夹。将文件夹拖放到此处即可添加。</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="215"/>
        <source>Add folder...</source>
        <translation>添加文件夹...</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="216"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="217"/>
        <source>Remove the selected folders from the list (Del)</source>
        <translation>从列表中移除所选文件夹 (Del)</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="249"/>
        <source>Add a folder to scan</source>
        <translation>添加要扫描的文件夹</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../gui/formatting.py" line="47"/>
        <source>%1 %2</source>
        <comment>two sentences in a row (no space in Japanese and Chinese)</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>GroupDelegate</name>
    <message>
        <location filename="../../gui/group_model.py" line="79"/>
        <source>nothing marked</source>
        <translation>未标记</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="80"/>
        <source>{n} marked for trash</source>
        <translation>{n} 个标记为移到回收站</translation>
    </message>
</context>
<context>
    <name>GroupListModel</name>
    <message>
        <location filename="../../gui/group_model.py" line="65"/>
        <location filename="../../gui/group_model.py" line="93"/>
        <source>Identical</source>
        <extracomment>Thumbnails shown in a row&apos;s strip; more files show as &quot;+N&quot;. pHash length in bits, to turn a distance into a similarity percentage. A group&apos;s kind when all its copies are one thing: the group is named after it.</extracomment>
        <translation>完全相同</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="66"/>
        <location filename="../../gui/group_model.py" line="95"/>
        <source>Same pixels</source>
        <translation>像素相同</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="67"/>
        <source>Resized</source>
        <translation>已缩放</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="68"/>
        <source>Converted</source>
        <translation>已转换</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="69"/>
        <source>Rotated</source>
        <translation>已旋转</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="70"/>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="71"/>
        <source>Framed</source>
        <translation>加了边框</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="72"/>
        <source>Damaged copy</source>
        <translation>损坏的副本</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="90"/>
        <source>Similar shots</source>
        <translation>相似照片</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="99"/>
        <source>Mixed copies</source>
        <translation>多种副本</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="249"/>
        <source>%n file(s) · {size} reclaimable · {kind}</source>
        <translation>%n 个文件 · 可释放 {size} · {kind}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="308"/>
        <source>Trash history</source>
        <translation>回收站历史</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>Moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>Put back</source>
        <translation>已放回</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="331"/>
        <source>Files PhotoDedup moved to the trash. Restore puts a batch back.</source>
        <translation>PhotoDedup 移到回收站的文件。“恢复”会把一批文件放回原处。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="334"/>
        <source>PhotoDedup has not moved any file to the trash yet.</source>
        <translation>PhotoDedup 尚未将任何文件移到回收站。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="342"/>
        <source>%1 to a folder</source>
        <translation>%1 (移到文件夹)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="347"/>
        <source>Batch %1</source>
        <translation>批次 %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="349"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="354"/>
        <source>Put the %n file(s) of this batch back where they were</source>
        <translation>
            <numerusform>将此批次的 %n 个文件放回原处</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="357"/>
        <source>Nothing left to put back from this batch</source>
        <translation>此批次已没有可放回的文件</translation>
    </message>
</context>
<context>
    <name>IgnoreListDialog</name>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="28"/>
        <source>Photos marked as different</source>
        <translation>标记为不同的照片</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="33"/>
        <source>Photos you marked as different are never grouped as duplicates again, even after they are renamed or moved. Remove a decision to let scans group them.</source>
        <translation>标记为不同的照片即使被重命名或移动，也不会再被归为重复项。移除某条记录后，扫描可以再次将它们分组。</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="40"/>
        <source>Decisions</source>
        <translation>标记记录</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="43"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="44"/>
        <source>Forget the selected decisions</source>
        <translation>删除所选记录</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="61"/>
        <source>(+{n} more)</source>
        <translation>（另有 {n} 个）</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="62"/>
        <source>{names} · marked {date}</source>
        <translation>{names} · 标记于 {date}</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="80"/>
        <source>No photos are marked as different.</source>
        <translation>没有标记为不同的照片。</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="82"/>
        <source>Decisions: {n}</source>
        <translation>记录：{n} 条</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../gui/image_viewer.py" line="118"/>
        <source>Compare with… (none)</source>
        <extracomment>Full-size decodes are capped so a giant panorama cannot exhaust memory.</extracomment>
        <translation>对比…（无）</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="123"/>
        <source>Show another copy next to this one, zoom and pan locked</source>
        <translation>在旁边显示另一个副本，缩放和平移同步</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="131"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="132"/>
        <source>Zoom in (+ or mouse wheel)</source>
        <translation>放大（+ 或鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="136"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="137"/>
        <source>Zoom out (- or mouse wheel)</source>
        <translation>缩小（- 或鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="140"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="140"/>
        <source>Fit to window (F)</source>
        <translation>适应窗口 (F)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="141"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="141"/>
        <source>Actual pixels (1)</source>
        <translation>实际像素 (1)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="226"/>
        <location filename="../../gui/image_viewer.py" line="237"/>
        <source>Cannot show this file: {e}</source>
        <translation>无法显示此文件：{e}</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="229"/>
        <location filename="../../gui/image_viewer.py" line="243"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="252"/>
        <source>{p}%</source>
        <translation>{p}%</translation>
    </message>
</context>
<context>
    <name>KeeperRules</name>
    <message>
        <location filename="../../gui/keeper_rules.py" line="39"/>
        <source>The original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="40"/>
        <source>Largest resolution</source>
        <translation>分辨率最大</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="41"/>
        <source>Largest file</source>
        <translation>文件最大</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="42"/>
        <source>Oldest</source>
        <translation>最旧</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="43"/>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="48"/>
        <source>Format: {format}</source>
        <translation>格式：{format}</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="49"/>
        <source>Folder: {folder}</source>
        <translation>文件夹：{folder}</translation>
    </message>
</context>
<context>
    <name>KeeperRulesDialog</name>
    <message>
        <location filename="../../gui/keeper_rules.py" line="64"/>
        <source>Which copy to keep</source>
        <translation>保留哪个副本</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="67"/>
        <source>The first rule that tells two copies apart decides which one is kept; what the rules leave open, the evidence of the original decides. Files in reference folders are always kept, and a damaged file is never kept while an intact copy exists.</source>
        <translation>第一条能区分两个副本的规则决定保留哪一个；规则无法决定时，由原件的证据决定。参考文件夹中的文件始终保留；只要存在完好的副本，就绝不保留损坏的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="77"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="78"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="79"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="80"/>
        <source>Add folder...</source>
        <translation>添加文件夹...</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="83"/>
        <source>Add format</source>
        <translation>添加格式</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="84"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="140"/>
        <source>Decided from the files: damaged or intact, resolution, a frame, camera data, format, JPEG tables and quality, names and folders, age</source>
        <translation>根据文件判断：是否损坏、分辨率、边框、相机数据、格式、JPEG 量化表与质量、名称与文件夹、时间</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="159"/>
        <source>Prefer copies in this folder</source>
        <translation>优先保留此文件夹中的副本</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="94"/>
        <source>Add the folders that hold your photos on the left (or drop them there), then press Scan (%1).

PhotoDedup will show each group of copies side by side; nothing is moved until you say so.</source>
        <extracomment>Jobs whose progress shows in the scan panel (a trash shows its own progress dialog).</extracomment>
        <translation>在左侧添加存放照片的文件夹（或直接拖放到那里），然后按“扫描”(%1)。

PhotoDedup 会把每组副本并排显示；在您确认之前，不会移动任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/window_layout.py" line="51"/>
        <source>Move the files marked for trash to the system trash (asks first)</source>
        <translation>将标记的文件移到系统回收站（会先询问）</translation>
    </message>
    <message>
        <location filename="../../gui/window_layout.py" line="55"/>
        <source>Move to folder...</source>
        <translation>移到文件夹...</translation>
    </message>
    <message>
        <location filename="../../gui/window_layout.py" line="58"/>
        <source>Move the marked files to a folder you choose</source>
        <translation>将标记的文件移到您选择的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>Scanning your photos...

The groups of copies appear here when the scan is done. Photos already read are remembered, so the next scan is faster.</source>
        <translation>正在扫描您的照片...

扫描完成后，各组副本将显示在这里。已读取的照片会被记住，因此下次扫描会更快。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>Every group is resolved: nothing is left to review.

Scan again (%1) to check these folders once more.</source>
        <translation>所有组都已处理，没有需要审阅的内容了。

再次扫描 (%1) 可重新检查这些文件夹。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="215"/>
        <source>Move %n file(s) (%1) to trash</source>
        <translation>
            <numerusform>将 %n 个文件 (%1) 移到回收站</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="218"/>
        <source>Move 0 files to trash</source>
        <translation>移到回收站（0 个文件）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>Keep copies in this folder when possible</source>
        <translation>尽可能保留此文件夹中的副本</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264"/>
        <source>Finishing...</source>
        <translation>即将完成...</translation>
    </message>
</context>
<context>
    <name>MoveConfirmDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="186"/>
        <source>Move to folder</source>
        <translation>移到文件夹</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="189"/>
        <source>Move %n file(s) (%1) to %2?</source>
        <translation>
            <numerusform>要将 %n 个文件 (%1) 移到 %2 吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="196"/>
        <source>Each file keeps its folders under the name of the folder it was scanned in, is checked again before it is moved, and no file is moved when its group&apos;s kept copy is gone. You can put them back with Edit &gt; Undo last trash.</source>
        <translation>每个文件都放在其扫描文件夹名称之下，并保留原有的文件夹结构；移动前会再次检查，若该组保留的副本已不存在则不会移动。可通过“编辑”&gt;“撤销上次移到回收站”将其放回。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="201"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
</context>
<context>
    <name>NoTrashDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="215"/>
        <source>No trash here</source>
        <translation>此处没有回收站</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="216"/>
        <source>There is no usable trash on %1.</source>
        <translation>%1 上没有可用的回收站。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="219"/>
        <source>This happens on network shares and on some removable or read-only drives. Nothing was moved. You can move the extra copies to a folder of your choice instead, and put them back with Edit &gt; Undo last trash.</source>
        <translation>网络共享以及某些可移动或只读驱动器上会出现这种情况。没有移动任何文件。您可以改为将多余的副本移到您选择的文件夹，并可通过“编辑”&gt;“撤销上次移到回收站”将其放回。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="225"/>
        <source>Move to folder...</source>
        <translation>移到文件夹...</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../gui/outcome.py" line="20"/>
        <source>no extension</source>
        <extracomment>How many extensions of skipped files are named; the rest are counted together.</extracomment>
        <translation>无扩展名</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="26"/>
        <source>others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="27"/>
        <source>Skipped, not photos: %n file(s) (%1)</source>
        <translation>不是照片而跳过的文件：%n 个（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="35"/>
        <source>No duplicates found: every photo in these folders is unique.</source>
        <translation>没有找到重复项：这些文件夹中的每张照片都是唯一的。</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="40"/>
        <source>None of the %n photo(s) found could be read: see Problems.</source>
        <translation>找到的 %n 张照片都无法读取：请查看“问题”。</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="45"/>
        <source>No photos found in these folders.</source>
        <translation>这些文件夹中没有找到照片。</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../gui/reasons.py" line="114"/>
        <source>The file is damaged or cut short</source>
        <translation>文件已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="115"/>
        <source>This format is not supported</source>
        <translation>不支持此格式</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="116"/>
        <source>The picture is too large to open</source>
        <translation>图片太大，无法打开</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="117"/>
        <source>The file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="118"/>
        <source>You are not allowed to read this file</source>
        <translation>您没有读取此文件的权限</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="119"/>
        <source>The file could not be read from the disk</source>
        <translation>无法从磁盘读取该文件</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="120"/>
        <source>This is not a regular file</source>
        <translation>这不是普通文件</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="121"/>
        <source>The folder could not be read</source>
        <translation>无法读取该文件夹</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../../gui/problems_view.py" line="153"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="159"/>
        <source>Show the files that could not be read</source>
        <translation>显示无法读取的文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/problems_view.py" line="169"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/problems_view.py" line="63"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="64"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="65"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="66"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../gui/problems_view.py" line="109"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/problems_view.py" line="128"/>
        <source>Left out of the scan because they could not be read: %n file(s)</source>
        <translation>
            <numerusform>因无法读取而未纳入扫描的文件：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="134"/>
        <source>No problems: every file was read.</source>
        <translation>没有问题：所有文件都已读取。</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../gui/progress_panel.py" line="41"/>
        <source>Ready to scan.</source>
        <translation>准备扫描。</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="45"/>
        <source>Looking for photos...</source>
        <translation>正在查找照片...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="46"/>
        <source>Checking the cache...</source>
        <translation>正在检查缓存...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="47"/>
        <source>Reading photos...</source>
        <translation>正在读取照片...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="48"/>
        <source>Comparing photos...</source>
        <translation>正在比较照片...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="49"/>
        <source>Finishing...</source>
        <translation>即将完成...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="74"/>
        <location filename="../../gui/progress_panel.py" line="79"/>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="87"/>
        <source>%1 of %2 files</source>
        <translation>%1 / %2 个文件</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="95"/>
        <source>%1 files found</source>
        <translation>找到 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="110"/>
        <source>%1 files/s</source>
        <translation>%1 个文件/秒</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="113"/>
        <source>%1, about %2 left</source>
        <translation>%1，剩余约 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/progress_panel.py" line="118"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/progress_panel.py" line="121"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="123"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../gui/reasons.py" line="18"/>
        <source>in a reference folder</source>
        <translation>位于参考文件夹中</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="19"/>
        <source>RAW original</source>
        <translation>RAW 原始文件</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="20"/>
        <source>JPEG preferred over the RAW</source>
        <translation>优先保留 JPEG 而非 RAW</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="21"/>
        <source>largest resolution: {width}x{height}</source>
        <translation>分辨率最高：{width}×{height}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="22"/>
        <source>largest file: {size}</source>
        <translation>文件最大：{size}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="23"/>
        <source>oldest: taken {time}</source>
        <translation>最早：拍摄于 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="24"/>
        <source>oldest: modified {time}</source>
        <translation>最早：修改于 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="25"/>
        <source>shortest path</source>
        <translation>路径最短</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="26"/>
        <source>first by name</source>
        <translation>按名称排在最前</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="27"/>
        <source>identical file of {name}</source>
        <translation>与 {name} 完全相同的文件</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="28"/>
        <source>identical file; in a reference folder, kept</source>
        <translation>完全相同的文件；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="29"/>
        <source>same pixels, other metadata or format of {name}</source>
        <translation>与 {name} 像素相同，但元数据或格式不同</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="30"/>
        <source>same pixels, other metadata or format; in a reference folder, kept</source>
        <translation>像素相同，但元数据或格式不同；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="33"/>
        <source>resized copy ({width}x{height}) of {name}</source>
        <translation>{name} 的缩放副本（{width}×{height}）</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="34"/>
        <source>resized copy ({width}x{height}); in a reference folder, kept</source>
        <translation>缩放副本（{width}×{height}）；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="35"/>
        <source>re-encoded or converted copy of {name}</source>
        <translation>{name} 的重新编码或格式转换副本</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="36"/>
        <source>re-encoded or converted copy; in a reference folder, kept</source>
        <translation>重新编码或格式转换的副本；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="37"/>
        <source>rotated or mirrored copy of {name}</source>
        <translation>{name} 的旋转或镜像副本</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="38"/>
        <source>rotated or mirrored copy; in a reference folder, kept</source>
        <translation>旋转或镜像的副本；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="39"/>
        <source>edited copy ({width}x{height}) of {name}</source>
        <translation>{name} 的编辑副本（{width}×{height}）</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="40"/>
        <source>edited copy ({width}x{height}); in a reference folder, kept</source>
        <translation>编辑过的副本（{width}×{height}）；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="41"/>
        <source>chosen by you</source>
        <translation>由您选择</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="42"/>
        <source>intact file: another copy is damaged</source>
        <translation>完好的文件：另一个副本已损坏</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="43"/>
        <source>without the frame another copy added</source>
        <translation>无边框：另一个副本添加了边框</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="44"/>
        <source>its sidecar holds your edits, rating or keywords</source>
        <translation>其附属文件保存了你的编辑、评分或关键词</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="45"/>
        <source>camera original: {camera}, taken {time}</source>
        <translation>相机原件：{camera}，拍摄于 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="46"/>
        <source>camera original: {camera}</source>
        <translation>相机原件：{camera}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="47"/>
        <source>camera original: taken {time}</source>
        <translation>相机原件：拍摄于 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="48"/>
        <source>{format} as the camera wrote it; the other copies are conversions</source>
        <translation>相机写入的 {format}；其他副本是转换而来的</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="51"/>
        <source>lossless {format}; the other copies are compressed</source>
        <translation>无损 {format}；其他副本经过压缩</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="52"/>
        <source>JPEG with the camera&apos;s own compression tables</source>
        <translation>带有相机自身压缩表的 JPEG</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="53"/>
        <source>highest JPEG quality: {quality}</source>
        <translation>JPEG 质量最高：{quality}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="54"/>
        <source>camera file name: {name}</source>
        <translation>相机文件名：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="55"/>
        <source>the other copies are named as copies</source>
        <translation>其他副本的名称表明它们是副本</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="56"/>
        <source>the other copies are in download, messenger, export or backup folders</source>
        <translation>其他副本位于下载、聊天软件、导出或备份文件夹中</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="59"/>
        <source>newest: modified {time}</source>
        <translation>最新：修改于 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="60"/>
        <source>preferred format: {format}</source>
        <translation>首选格式：{format}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="61"/>
        <source>in the preferred folder {name}</source>
        <translation>位于首选文件夹 {name} 中</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="62"/>
        <source>{format} conversion of {name}</source>
        <translation>{name} 的 {format} 转换</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="63"/>
        <source>{format} conversion; in a reference folder, kept</source>
        <translation>{format} 转换；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="64"/>
        <source>re-encoded copy (JPEG quality {quality}) of {name}</source>
        <translation>{name} 的重新编码副本（JPEG 质量 {quality}）</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="65"/>
        <source>re-encoded copy (JPEG quality {quality}); in a reference folder, kept</source>
        <translation>重新编码的副本（JPEG 质量 {quality}）；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="68"/>
        <source>copy with a frame added ({width}x{height}) of {name}</source>
        <translation>{name} 添加边框的副本（{width}×{height}）</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="69"/>
        <source>copy with a frame added ({width}x{height}); in a reference folder, kept</source>
        <translation>添加边框的副本（{width}×{height}）；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="72"/>
        <source>damaged copy of {name}</source>
        <translation>{name} 的损坏副本</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="73"/>
        <source>damaged copy; in a reference folder, kept</source>
        <translation>损坏的副本；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="74"/>
        <source>sharpest shot of the burst</source>
        <translation>连拍中最清晰的一张</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="75"/>
        <source>sharpest shot of the burst; in a reference folder, kept</source>
        <translation>连拍中最清晰的一张；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="76"/>
        <source>first shot</source>
        <translation>第一张</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="77"/>
        <source>first shot; in a reference folder, kept</source>
        <translation>第一张；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="78"/>
        <source>another shot of the burst</source>
        <translation>同一连拍中的另一张</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="79"/>
        <source>another shot of the burst; in a reference folder, kept</source>
        <translation>同一连拍中的另一张；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="80"/>
        <source>another shot of the burst, {percent} % as sharp</source>
        <translation>同一连拍中的另一张，清晰度为最清晰一张的 {percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="81"/>
        <source>another shot of the burst, {percent} % as sharp; in a reference folder, kept</source>
        <translation>同一连拍中的另一张，清晰度为最清晰一张的 {percent}%；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="84"/>
        <source>another shot of the burst (same second)</source>
        <translation>同一连拍中的另一张（同一秒内拍摄）</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="85"/>
        <source>another shot of the burst (same second); in a reference folder, kept</source>
        <translation>同一连拍中的另一张（同一秒内拍摄）；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="88"/>
        <source>another shot of the burst (same second), {percent} % as sharp</source>
        <translation>同一连拍中的另一张（同一秒内拍摄），清晰度为最清晰一张的 {percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="91"/>
        <source>another shot of the burst (same second), {percent} % as sharp; in a reference folder, kept</source>
        <translation>同一连拍中的另一张（同一秒内拍摄），清晰度为最清晰一张的 {percent}%；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="96"/>
        <source>another shot of the burst ({seconds} s apart)</source>
        <translation>同一连拍中的另一张（相隔 {seconds} 秒）</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="97"/>
        <source>another shot of the burst ({seconds} s apart); in a reference folder, kept</source>
        <translation>同一连拍中的另一张（相隔 {seconds} 秒）；位于参考文件夹中，保留</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="100"/>
        <source>another shot of the burst ({seconds} s apart), {percent} % as sharp</source>
        <translation>同一连拍中的另一张（相隔 {seconds} 秒），清晰度为最清晰一张的 {percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="103"/>
        <source>another shot of the burst ({seconds} s apart), {percent} % as sharp; in a reference folder, kept</source>
        <translation>同一连拍中的另一张（相隔 {seconds} 秒），清晰度为最清晰一张的 {percent}%；位于参考文件夹中，保留</translation>
    </message>
</context>
<context>
    <name>ResultsTabs</name>
    <message>
        <location filename="../../gui/results_tabs.py" line="40"/>
        <source>Photos taken seconds apart by one camera that look alike: different moments, not copies. Nothing is marked for trash until you mark it.</source>
        <translation>同一相机在几秒内拍摄的相似照片：它们是不同的瞬间，而不是副本。在您标记之前，不会有照片被标记为移到回收站。</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="108"/>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="127"/>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="128"/>
        <source>Similar shots</source>
        <translation>相似照片</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="130"/>
        <source>Duplicates ({n})</source>
        <translation>重复项 ({n})</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="132"/>
        <source>Similar shots ({n})</source>
        <translation>相似照片 ({n})</translation>
    </message>
</context>
<context>
    <name>ReviewFiles</name>
    <message>
        <location filename="../../gui/review_files.py" line="39"/>
        <source>Save review</source>
        <extracomment>results_io.write_json or write_csv: (result, dest, keep=..., burst_keep=...).</extracomment>
        <translation>保存审阅</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="41"/>
        <location filename="../../gui/review_files.py" line="85"/>
        <source>PhotoDedup review (*.json)</source>
        <translation>PhotoDedup 审阅 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="47"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="49"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="72"/>
        <source>Could not write %1:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="76"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="83"/>
        <source>Open review</source>
        <translation>打开审阅</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="94"/>
        <source>This file cannot be opened as a review.</source>
        <translation>无法将此文件作为审阅打开。</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="97"/>
        <source>Review opened from %1.</source>
        <translation>已从 %1 打开审阅。</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="108"/>
        <source>Resume review</source>
        <translation>继续审阅</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/review_files.py" line="111"/>
        <source>Resume your last review? (%n group(s), saved %1)</source>
        <translation>
            <numerusform>要继续上次的审阅吗？（%n 组，保存于 %1）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="121"/>
        <source>Review resumed.</source>
        <translation>已继续审阅。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../gui/review_panel.py" line="65"/>
        <source>Filter by folder or file name</source>
        <extracomment>Typing in the filter waits this long before re-filtering 10,000 groups.</extracomment>
        <translation>按文件夹或文件名筛选</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="67"/>
        <source>Show only groups with a file whose path contains this</source>
        <translation>只显示包含路径中含有此文字的文件的组</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="77"/>
        <source>Most space to gain</source>
        <translation>可释放空间最多</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="78"/>
        <source>Most files</source>
        <translation>文件最多</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="79"/>
        <source>Most similar</source>
        <translation>最相似</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="80"/>
        <source>Order of the groups</source>
        <translation>组的排序</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="84"/>
        <source>Auto-select</source>
        <translation>自动选择</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="85"/>
        <source>Mark every group again with the suggested keepers</source>
        <translation>按建议保留的文件重新标记所有组</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="89"/>
        <source>Suggested keepers</source>
        <translation>建议保留项</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="90"/>
        <source>Prefer keeping files in a folder…</source>
        <translation>优先保留某个文件夹中的文件…</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="92"/>
        <source>Keep all</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="93"/>
        <source>Clear all marks: keep every file</source>
        <translation>清除所有标记：保留每个文件</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="95"/>
        <source>These are different photos</source>
        <translation>这些是不同的照片</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="98"/>
        <source>Remember that the photos of this group are not duplicates: the group leaves the review and later scans never group them again</source>
        <translation>记住此组照片不是重复项：该组将离开审阅，以后的扫描也不会再将它们分组</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="111"/>
        <source>Duplicate groups</source>
        <translation>重复组</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="115"/>
        <source>No group matches the filter.</source>
        <translation>没有符合筛选条件的组。</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="135"/>
        <source>Similar shots</source>
        <translation>相似照片</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="303"/>
        <source>Prefer keeping files in this folder</source>
        <translation>优先保留此文件夹中的文件</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="312"/>
        <source>Add folders and press Scan to find duplicate photos.</source>
        <translation>添加文件夹并按“扫描”来查找重复照片。</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="317"/>
        <source>No similar shots found.</source>
        <translation>没有找到相似照片。</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="319"/>
        <source>No duplicates found.</source>
        <translation>没有找到重复项。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/review_panel.py" line="336"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/review_panel.py" line="337"/>
        <source>%n file(s) marked for trash (%1)</source>
        <translation>
            <numerusform>%n 个文件标记为移到回收站（%1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanFlow</name>
    <message>
        <location filename="../../gui/scan_flow.py" line="47"/>
        <source>These folders no longer exist; remove them from the list:
%1</source>
        <translation>以下文件夹已不存在，请将其从列表中移除：
%1</translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="55"/>
        <source>Starting the scan...</source>
        <translation>正在开始扫描...</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/scan_flow.py" line="63"/>
        <source>Scan cancelled. Photos read so far stay cached: %n.</source>
        <translation>
            <numerusform>扫描已取消。已读取的 %n 张照片保留在缓存中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/scan_flow.py" line="68"/>
        <source>%n photo(s) compared in %1 s.</source>
        <translation>
            <numerusform>在 %1 秒内比较了 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="71"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="76"/>
        <source>Stopped by an error.</source>
        <translation>因出错而停止。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="77"/>
        <source>The operation failed.</source>
        <translation>操作失败。</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../gui/scan_panel.py" line="49"/>
        <source>Folders to scan</source>
        <translation>要扫描的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="67"/>
        <source>Include rotated and mirrored copies</source>
        <translation>包括旋转和镜像的副本</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="69"/>
        <source>Also find copies turned sideways, upside down or mirrored (a little slower)</source>
        <translation>同时查找横放、倒置或镜像的副本（稍慢）</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="71"/>
        <source>Keep the JPEG of RAW+JPEG pairs</source>
        <translation>RAW+JPEG 成对时保留 JPEG</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="74"/>
        <source>When a RAW file and its JPEG are found, suggest keeping the JPEG; by default the RAW, the camera&apos;s original, is kept</source>
        <translation>找到 RAW 文件及其 JPEG 时，建议保留 JPEG；默认保留相机的原始文件 RAW</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="78"/>
        <source>Which copy to keep...</source>
        <translation>保留哪个副本...</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="80"/>
        <source>Order the rules that choose the copy to keep (by default: the original)</source>
        <translation>设置选择保留副本的规则顺序（默认：原件）</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="84"/>
        <source>Find similar shots (bursts)</source>
        <translation>查找相似照片（连拍）</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="87"/>
        <source>Also list photos taken seconds apart by one camera that look alike, in their own tab; none is marked for trash</source>
        <translation>同时在单独的标签页中列出同一相机在几秒内拍摄的相似照片；不会将任何照片标记为移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="92"/>
        <source>e.g. *.gif, */Thumbnails/*</source>
        <translation>例如：*.gif, */Thumbnails/*</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="94"/>
        <source>Files and folders matching these patterns are skipped; separate with commas</source>
        <translation>跳过与这些模式匹配的文件和文件夹；用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="99"/>
        <source>How many photos are read at the same time</source>
        <translation>同时读取的照片数量</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="101"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="105"/>
        <source>Similarity:</source>
        <translation>相似度：</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="113"/>
        <source>Skip:</source>
        <translation>跳过：</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="114"/>
        <source>Workers:</source>
        <translation>并行数：</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="116"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="118"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="186"/>
        <source>Identical files only</source>
        <translation>仅完全相同的文件</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="187"/>
        <source>Only exact copies: the same file, or the same pixels.</source>
        <translation>仅完全相同的副本：相同的文件或相同的像素。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="190"/>
        <source>Strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="191"/>
        <source>Copies that were resized, re-saved or converted.</source>
        <translation>经过缩放、重新保存或转换格式的副本。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="194"/>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="195"/>
        <source>Also lightly edited copies: crops, colour changes, watermarks.</source>
        <translation>也包括轻度编辑的副本：裁剪、调色、水印。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="198"/>
        <source>Loose</source>
        <translation>宽松</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="199"/>
        <source>Heavier edits too; check the groups carefully.</source>
        <translation>也包括较大幅度的编辑；请仔细检查各组。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="229"/>
        <source>Keep: {rules}</source>
        <translation>保留：{rules}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="24"/>
        <source>Next group</source>
        <extracomment>Keys of the review list and compare pane (gui/review_panel.py binds them).</extracomment>
        <translation>下一组</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="25"/>
        <source>Previous group</source>
        <translation>上一组</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="26"/>
        <source>Next file of the group</source>
        <translation>组内下一个文件</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="27"/>
        <source>Previous file of the group</source>
        <translation>组内上一个文件</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="28"/>
        <source>Keep or trash the chosen file</source>
        <translation>保留或删除所选文件</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="29"/>
        <source>Mark the chosen file for trash</source>
        <translation>将所选文件标记为移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="34"/>
        <source>Zoom in</source>
        <extracomment>Keys of the large side-by-side view (gui/image_viewer.py binds them).</extracomment>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="35"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="36"/>
        <source>Fit to the window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="37"/>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="42"/>
        <source>Blink: the keeper and the copy in turn</source>
        <extracomment>Keys of the differences view (gui/differences.py binds them, with the large view&apos;s zoom keys).</extracomment>
        <translation>闪烁：轮流显示保留文件和副本</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="43"/>
        <source>Heat map or the copy on the right</source>
        <translation>右侧切换热图或副本</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="44"/>
        <source>Close the view</source>
        <translation>关闭视图</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="64"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="66"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="66"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="74"/>
        <source>Anywhere in the window</source>
        <translation>窗口中任意位置</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="75"/>
        <source>Reviewing groups</source>
        <translation>查看分组时</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="76"/>
        <source>Large view (double-click a photo)</source>
        <translation>大图查看（双击照片）</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="78"/>
        <source>Differences view (also zooms like the large view)</source>
        <translation>差异视图（缩放操作同大图视图）</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="253"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="253"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="275"/>
        <source>Copy list</source>
        <translation>复制列表</translation>
    </message>
</context>
<context>
    <name>TrashConfirmDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="145"/>
        <location filename="../../gui/dialogs.py" line="166"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="148"/>
        <source>Keep their dates, places, ratings and keywords: write what the kept copy lacks into its XMP sidecar (the photo itself is not changed)</source>
        <translation>保留它们的日期、地点、评分和关键词：将保留的副本所缺少的内容写入其 XMP 附属文件（照片本身不会被修改）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="155"/>
        <source>Move %n file(s) (%1) to the trash?</source>
        <translation>
            <numerusform>要将 %n 个文件 (%1) 移到回收站吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="161"/>
        <source>Each file is checked again before it is moved, and no file is moved when its group&apos;s kept copy is gone. You can put them back with Edit &gt; Undo last trash.</source>
        <translation>每个文件在移动前都会再次检查；如果其所在组保留的副本已不存在，则不会移动。可以通过“编辑”&gt;“撤销上次移到回收站”将其放回。</translation>
    </message>
</context>
<context>
    <name>TrashFlow</name>
    <message>
        <location filename="../../gui/trash_flow.py" line="172"/>
        <source>The trash history cannot be read.</source>
        <translation>无法读取回收站历史。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="98"/>
        <source>Moving files to the trash...</source>
        <translation>正在将文件移到回收站...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="126"/>
        <source>No file is marked to be moved.</source>
        <translation>没有标记要移动的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="129"/>
        <source>Move the marked files to this folder</source>
        <translation>将标记的文件移到此文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="135"/>
        <source>The files cannot be moved to this folder.</source>
        <translation>无法将文件移到此文件夹。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="154"/>
        <source>Moving files to %1...</source>
        <translation>正在将文件移到 %1...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="166"/>
        <source>Putting files back...</source>
        <translation>正在放回文件...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="185"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="203"/>
        <source>Moving %1 (%2 of %3)...</source>
        <translation>正在移动 %1（%2 / %3）...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="232"/>
        <source>The trash was stopped. Files already moved are in the journal.</source>
        <translation>已停止移到回收站。已移动的文件记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="234"/>
        <source>The move was stopped. Files already moved are in the journal.</source>
        <translation>移动已停止。已移动的文件都记录在日志中。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="236"/>
        <source>Could not put the files back.</source>
        <translation>无法放回文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="249"/>
        <source>Moved %n file(s) (%1) to %2.</source>
        <translation>
            <numerusform>已将 %n 个文件 (%1) 移到 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="251"/>
        <source>Moved %n file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>已将 %n 个文件 (%1) 移到回收站。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="255"/>
        <source>Skipped %n file(s).</source>
        <translation>
            <numerusform>跳过了 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="261"/>
        <source>Their dates, places, ratings and keywords were kept in %n sidecar(s).</source>
        <translation>
            <numerusform>已将日期、地点、评分和关键词保存在 %n 个附属文件中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="269"/>
        <source>Edit &gt; Undo last trash puts them back.</source>
        <translation>“编辑”&gt;“撤销上次移到回收站”可将其放回。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="273"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="274"/>
        <source>Not touched</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="276"/>
        <source>Moved to %1</source>
        <translation>已移到 %1</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="278"/>
        <source>Moved to the trash</source>
        <translation>已移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="281"/>
        <source>Metadata kept in</source>
        <translation>元数据保存在</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="283"/>
        <source>Trash finished</source>
        <translation>移到回收站已完成</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="283"/>
        <source>Move finished</source>
        <translation>移动完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="291"/>
        <source>Put back %n file(s).</source>
        <translation>
            <numerusform>已放回 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="297"/>
        <source>Could not put back %n file(s).</source>
        <translation>
            <numerusform>有 %n 个文件无法放回。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="302"/>
        <source>The review is back with your marks.</source>
        <translation>审阅已恢复，您的标记也都保留。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="304"/>
        <source>Scan again to review them.</source>
        <translation>请重新扫描以审阅它们。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="306"/>
        <source>Not put back</source>
        <translation>未放回</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="307"/>
        <source>Put back</source>
        <translation>已放回</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="309"/>
        <source>Undo trash</source>
        <translation>撤销移到回收站</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../gui/menus.py" line="58"/>
        <source>Add folder...</source>
        <translation>添加文件夹...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="60"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="62"/>
        <source>Cancel scan</source>
        <translation>取消扫描</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="65"/>
        <source>Find copies of a photo...</source>
        <translation>查找照片的副本...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="67"/>
        <source>Open review...</source>
        <translation>打开审阅...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="69"/>
        <source>Save review...</source>
        <translation>保存审阅...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="71"/>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="72"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="74"/>
        <source>Undo last trash</source>
        <translation>撤销上次移到回收站</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="76"/>
        <source>Move to folder...</source>
        <translation>移到文件夹...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="78"/>
        <source>Auto-select all</source>
        <translation>全部自动选择</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="80"/>
        <source>Prefer folder...</source>
        <translation>优先文件夹...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="81"/>
        <source>Clear all marks</source>
        <translation>清除所有标记</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="83"/>
        <source>Photos marked as different...</source>
        <translation>标记为不同的照片...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="86"/>
        <source>Folders and options</source>
        <translation>文件夹和选项</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="94"/>
        <source>Show or hide the folders, the scan options and Scan (%1)</source>
        <translation>显示或隐藏文件夹、扫描选项和“扫描”按钮 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="99"/>
        <source>Show differences...</source>
        <translation>显示差异...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="102"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="103"/>
        <source>History...</source>
        <translation>历史记录...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="105"/>
        <source>PhotoDedup on the web</source>
        <translation>PhotoDedup 网站</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="107"/>
        <source>About PhotoDedup</source>
        <translation>关于 PhotoDedup</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="109"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="115"/>
        <source>Scan the folders (%1)</source>
        <translation>扫描文件夹 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="119"/>
        <source>Stop the scan; photos read so far stay cached (%1)</source>
        <translation>停止扫描；已读取的照片会保留在缓存中 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="137"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="143"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="149"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="154"/>
        <source>Language (after a restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="156"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="159"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="201"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="202"/>
        <source>The new language is used the next time you start PhotoDedup.</source>
        <translation>新语言将在下次启动 PhotoDedup 时生效。</translation>
    </message>
</context>
<context>
    <name>_FolderView</name>
    <message>
        <location filename="../../gui/folder_list.py" line="167"/>
        <source>Drop folders here, or click Add folder...</source>
        <translation>将文件夹拖放到此处，或点击“添加文件夹...”</translation>
    </message>
</context>
</TS>
