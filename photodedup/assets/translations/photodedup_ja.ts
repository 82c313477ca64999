<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="69"/>
        <source>About PhotoDedup</source>
        <extracomment>Distribution names of the libraries PhotoDedup is built on, shown in About.</extracomment>
        <translation>PhotoDedup について</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="73"/>
        <source>Finds duplicate photos in your folders and moves the extra copies to the trash, safely and undoably.</source>
        <translation>フォルダー内の重複した写真を見つけ、余分なコピーを安全にゴミ箱へ移動します。いつでも元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="79"/>
        <source>Licence: %1</source>
        <translation>ライセンス: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="82"/>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="82"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="93"/>
        <source>Built with:</source>
        <translation>使用しているライブラリ:</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <location filename="../../gui/file_card.py" line="46"/>
        <source>suggested keeper</source>
        <translation>残す候補</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="47"/>
        <source>identical file</source>
        <translation>同一ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="48"/>
        <source>same pixels</source>
        <translation>同じピクセル</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="49"/>
        <source>resized</source>
        <translation>サイズ変更</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="50"/>
        <source>converted</source>
        <translation>形式変換</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="51"/>
        <source>rotated</source>
        <translation>回転</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="52"/>
        <source>edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="53"/>
        <source>framed</source>
        <translation>枠付き</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="54"/>
        <source>damaged</source>
        <translation>破損</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="55"/>
        <source>another shot</source>
        <translation>別のショット</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="75"/>
        <source>Smaller resolution than the suggested keeper ({w}×{h})</source>
        <translation>残す候補より解像度が低い ({w}×{h})</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="80"/>
        <source>Smaller file than the suggested keeper ({size})</source>
        <translation>残す候補よりファイルが小さい ({size})</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="84"/>
        <source>Newer copy than the suggested keeper ({date})</source>
        <translation>残す候補より新しいコピー ({date})</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="93"/>
        <source>Looks the same</source>
        <translation>見た目は同じ</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="95"/>
        <source>Very similar</source>
        <translation>とてもよく似ている</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="98"/>
        <source>Somewhat similar</source>
        <translation>やや似ている</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="102"/>
        <source>The fingerprints of this copy and the keeper differ in %n bit(s) of {bits}</source>
        <translation>このコピーと残すファイルの指紋は {bits} ビット中 %n ビット異なります</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="115"/>
        <source>+ Live Photo video, {size}</source>
        <translation>+ Live Photo の動画、{size}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="119"/>
        <source>+ iPhone edits (.AAE)</source>
        <translation>+ iPhone の編集 (.AAE)</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="122"/>
        <source>rating {n}</source>
        <translation>評価 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="124"/>
        <source>edits</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="127"/>
        <source>%n keyword(s)</source>
        <translation>キーワード %n 件</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="129"/>
        <source>date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="131"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="133"/>
        <source>+ XMP sidecar</source>
        <translation>+ XMP サイドカー</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="135"/>
        <source>+ Google Takeout metadata</source>
        <translation>+ Google Takeout のメタデータ</translation>
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
        <translation>ダブルクリックで拡大表示</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="222"/>
        <source>Keep: {reason}</source>
        <translation>残す: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="236"/>
        <source>{w}×{h}</source>
        <translation>{w}×{h}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="258"/>
        <source>unknown camera</source>
        <translation>カメラ不明</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="310"/>
        <source>Keep only this</source>
        <translation>これだけ残す</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="159"/>
        <source>Show differences</source>
        <translation>違いを表示</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="443"/>
        <source>✓ Keep</source>
        <translation>✓ 残す</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="446"/>
        <source>✕ Trash</source>
        <translation>✕ ゴミ箱行き</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="453"/>
        <source>Marked for trash: press to keep (Space)</source>
        <translation>ゴミ箱行きに指定済み: 押すと残します (Space)</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="455"/>
        <source>Mark for trash (Space)</source>
        <translation>ゴミ箱行きに指定 (Space)</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="251"/>
        <source>sharpness {s:.0f}</source>
        <translation>シャープネス {s:.0f}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="291"/>
        <source>Goes to the trash and comes back with this photo: {path}</source>
        <translation>この写真と一緒にゴミ箱へ移動し、一緒に元に戻ります: {path}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="313"/>
        <source>Keep this file and mark the others for trash</source>
        <translation>このファイルを残し、ほかをゴミ箱へ指定します</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="325"/>
        <source>Reference folder: this file is always kept</source>
        <translation>参照フォルダー: このファイルは常に残されます</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="440"/>
        <source>🔒 Reference</source>
        <translation>🔒 参照</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="302"/>
        <source>Trash</source>
        <translation>ゴミ箱</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="479"/>
        <source>Cannot show this file: {error}</source>
        <translation>このファイルを表示できません: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="142"/>
        <source>↑/↓ or J/K: groups · ←/→: files · Space: keep/trash · Delete: trash · double-click: large view</source>
        <extracomment>Cards made per turn of the event loop: one costs 2-3 ms, and a group of look-alikes can hold hundreds of files (376 in the 100,000-photo benchmark: 2 s in one turn).</extracomment>
        <translation>↑/↓ または J/K: グループ · ←/→: ファイル · Space: 残す/ゴミ箱 · Delete: ゴミ箱 · ダブルクリック: 拡大表示</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="162"/>
        <source>The chosen copy (or the first) lined up with the keeper: heat map, blink, zoom (D)</source>
        <translation>選んだコピー（なければ最初のコピー）を残すファイルと重ねて比較：ヒートマップ、点滅、ズーム (D)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="297"/>
        <source>Not a duplicate of the keeper</source>
        <translation>残すファイルの重複ではない</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="300"/>
        <source>Remember that this photo differs from the keeper: it leaves this group, and later scans never group them</source>
        <translation>この写真は残すファイルとは別の写真だと記録します。このグループから外れ、以後のスキャンでも同じグループになりません</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="312"/>
        <source>Not a duplicate of the keeper (identical file: cannot be)</source>
        <translation>残すファイルの重複ではない (同一ファイルのため不可)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="319"/>
        <source>Compare with keeper...</source>
        <translation>残すファイルと比較...</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="322"/>
        <source>Large view of this photo next to the keeper, zoom and pan locked</source>
        <translation>この写真を残すファイルの横に大きく表示し、ズームと移動を連動させます</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="329"/>
        <source>Show differences from the keeper...</source>
        <translation>残すファイルとの違いを表示...</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="374"/>
        <source>Select a group to compare its files</source>
        <translation>グループを選択すると、ファイルを比較できます</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="386"/>
        <source>%n file(s) · {kind}</source>
        <translation>%n 個のファイル · {kind}</translation>
    </message>
    <message>
        <location filename="../../gui/file_card.py" line="97"/>
        <source>Similar</source>
        <translation>類似</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="382"/>
        <source>Similar shots, all different photos</source>
        <translation>類似ショット (すべて別の写真)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="512"/>
        <source>Reference files are always kept.</source>
        <translation>参照フォルダーのファイルは常に残されます。</translation>
    </message>
    <message>
        <location filename="../../gui/compare_pane.py" line="516"/>
        <source>A group must keep at least one file.</source>
        <translation>グループごとに少なくとも 1 つのファイルを残す必要があります。</translation>
    </message>
</context>
<context>
    <name>Differences</name>
    <message>
        <location filename="../../gui/differences.py" line="53"/>
        <source>The same picture, pixel for pixel.</source>
        <extracomment>Blink: how long each picture stays before the other replaces it.</extracomment>
        <translation>同じ写真です。ピクセル単位で一致します。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="55"/>
        <source>The same picture, re-encoded or resized: the differences are compression noise.</source>
        <translation>同じ写真を再圧縮またはリサイズしたものです。違いは圧縮ノイズだけです。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="60"/>
        <source>The same picture with its brightness or colours changed.</source>
        <translation>同じ写真で、明るさや色が変更されています。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="64"/>
        <source>Differs across much of the picture: a strong edit, a filter or another photo.</source>
        <translation>写真の広い範囲が異なります: 大きな編集、フィルター、または別の写真です。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="69"/>
        <source>Differs mostly in the top left.</source>
        <translation>主に左上が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="72"/>
        <source>Differs mostly at the top.</source>
        <translation>主に上部が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="73"/>
        <source>Differs mostly in the top right.</source>
        <translation>主に右上が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="76"/>
        <source>Differs mostly on the left.</source>
        <translation>主に左側が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="77"/>
        <source>Differs mostly in the middle.</source>
        <translation>主に中央が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="78"/>
        <source>Differs mostly on the right.</source>
        <translation>主に右側が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="79"/>
        <source>Differs mostly in the bottom left.</source>
        <translation>主に左下が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="82"/>
        <source>Differs mostly at the bottom.</source>
        <translation>主に下部が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="83"/>
        <source>Differs mostly in the bottom right.</source>
        <translation>主に右下が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="86"/>
        <source>Differs across much of the picture.</source>
        <translation>写真の広い範囲が異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="92"/>
        <source>Its brightness or colours were changed too.</source>
        <translation>明るさや色も変更されています。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="105"/>
        <source>The copy is shown mirrored and turned {angle}° clockwise.</source>
        <translation>コピーを左右反転し、時計回りに {angle}° 回転して表示しています。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="110"/>
        <source>The copy is shown mirrored.</source>
        <translation>コピーを左右反転して表示しています。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="113"/>
        <source>The copy is shown turned {angle}° clockwise.</source>
        <translation>コピーを時計回りに {angle}° 回転して表示しています。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="119"/>
        <source>The frame around the copy is left out.</source>
        <translation>コピーの周りの枠は除いて比較しています。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="123"/>
        <source>The frame around the keeper is left out.</source>
        <translation>残すファイルの周りの枠は除いて比較しています。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="127"/>
        <source>One picture is a crop of the other: the part both show is compared.</source>
        <translation>一方はもう一方の切り抜きです: 両方に写っている部分を比較しています。</translation>
    </message>
</context>
<context>
    <name>DifferencesDialog</name>
    <message>
        <location filename="../../gui/differences.py" line="169"/>
        <source>Differences</source>
        <translation>違い</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="176"/>
        <source>The copy compared with the keeper</source>
        <translation>残すファイルと比較するコピー</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="180"/>
        <source>Blink</source>
        <translation>点滅</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="183"/>
        <source>Show the keeper and the copy in turn on the left (B)</source>
        <translation>左側に残すファイルとコピーを交互に表示 (B)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="190"/>
        <source>Heat map</source>
        <translation>ヒートマップ</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="192"/>
        <source>On the right: where the copy differs, yellow slightly, red strongly (H)</source>
        <translation>右側: コピーの異なる箇所 (黄は少し、赤は大きく異なる) (H)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="194"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="195"/>
        <source>On the right: the copy, lined up with the keeper (H)</source>
        <translation>右側: 残すファイルに位置を合わせたコピー (H)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="204"/>
        <source>Copy:</source>
        <translation>コピー:</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="212"/>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="212"/>
        <source>Zoom in (+ or mouse wheel)</source>
        <translation>拡大 (+ またはマウスホイール)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="213"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="213"/>
        <source>Zoom out (- or mouse wheel)</source>
        <translation>縮小 (- またはマウスホイール)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="214"/>
        <source>Fit</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="214"/>
        <source>Fit to window (F)</source>
        <translation>ウィンドウに合わせる (F)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="215"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="215"/>
        <source>Actual pixels (1)</source>
        <translation>等倍表示 (1)</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="335"/>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="337"/>
        <source>Comparing as soon as the running job is done…</source>
        <translation>実行中の処理が終わりしだい比較します…</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="339"/>
        <source>Lining the copy up with the keeper…</source>
        <translation>コピーを残すファイルに位置合わせしています…</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="385"/>
        <source>{p} % of the picture differs by more than compression noise</source>
        <translation>写真の {p} % が圧縮ノイズ以上に異なります</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="403"/>
        <source>The comparison failed: {e}</source>
        <translation>比較できませんでした: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="410"/>
        <source>Cannot compare: “{name}” cannot be read. {reason}.</source>
        <translation>比較できません: 「{name}」を読み込めません。{reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="439"/>
        <source>Keeper: {name}</source>
        <translation>残す: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="440"/>
        <source>Copy: {name}</source>
        <translation>コピー: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="448"/>
        <source>Differences: yellow slight, red strong</source>
        <translation>違い: 黄は少し、赤は大きい</translation>
    </message>
    <message>
        <location filename="../../gui/differences.py" line="450"/>
        <source>{copy}, lined up</source>
        <translation>{copy} (位置合わせ済み)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="106"/>
        <source>PhotoDedup: something went wrong</source>
        <translation>PhotoDedup: 問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="118"/>
        <source>The details were also written to %1</source>
        <translation>詳細は %1 にも書き出されました</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="124"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>ExceptionHandler</name>
    <message>
        <location filename="../../gui/app.py" line="191"/>
        <source>PhotoDedup ran into an unexpected error. Your files were not changed by it; you can keep working, or restart the app if something looks wrong.</source>
        <extracomment>The longest a background thread running Python keeps the GIL while the GUI thread waits for it (Python&apos;s default: 5 ms). A repaint calls into Python hundreds of times (models, delegates) and each call could wait the whole interval while a scan or the autosave ran Python: at 100,000 photos that stalled the window for 0.1-0.2 s at a time (BENCHMARKS.md).</extracomment>
        <translation>PhotoDedup で予期しないエラーが発生しました。このエラーによってファイルが変更されることはありません。このまま作業を続けるか、様子がおかしい場合はアプリを再起動してください。</translation>
    </message>
</context>
<context>
    <name>FindCopiesDialog</name>
    <message>
        <location filename="../../gui/find_copies.py" line="96"/>
        <source>Copies of %1</source>
        <translation>%1 のコピー</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/find_copies.py" line="101"/>
        <source>%n copy(ies) of %1 found in the scanned folders:</source>
        <translation>
            <numerusform>スキャンしたフォルダーで %1 のコピーが %n 件見つかりました:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="105"/>
        <source>No copy of %1 was found in the scanned folders.</source>
        <translation>スキャンしたフォルダーに %1 のコピーは見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="113"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="114"/>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="115"/>
        <source>Match</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="116"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="117"/>
        <source>Pixels</source>
        <translation>ピクセル数</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="122"/>
        <source>identical</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="122"/>
        <source>distance %1</source>
        <translation>距離 %1</translation>
    </message>
</context>
<context>
    <name>FindCopiesFlow</name>
    <message>
        <location filename="../../gui/find_copies.py" line="58"/>
        <source>Add the folders to search first.</source>
        <translation>先に検索するフォルダーを追加してください。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="63"/>
        <source>Find copies of a photo</source>
        <translation>写真のコピーを探す</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="65"/>
        <source>Photos (%1)</source>
        <translation>写真 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="71"/>
        <source>Looking for copies of %1...</source>
        <translation>%1 のコピーを探しています...</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="75"/>
        <source>Search cancelled.</source>
        <translation>検索を中止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="77"/>
        <source>Search finished.</source>
        <translation>検索が完了しました。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="85"/>
        <source>Search stopped.</source>
        <translation>検索を停止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/find_copies.py" line="86"/>
        <source>Could not look for copies of this photo.</source>
        <translation>この写真のコピーを探せませんでした。</translation>
    </message>
</context>
<context>
    <name>FolderListModel</name>
    <message>
        <location filename="../../gui/folder_list.py" line="99"/>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="99"/>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="101"/>
        <source>Reference (never trashed): files in these folders are always kept</source>
        <translation>参照 (ゴミ箱へ移動しない): これらのフォルダー内のファイルは常に残されます</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="117"/>
        <source>Reference (never trashed)</source>
        <translation>参照 (ゴミ箱へ移動しない)</translation>
    </message>
</context>
<context>
    <name>FolderListWidget</name>
    <message>
        <location filename="../../gui/folder_list.py" line="212"/>
        <source>Folders to scan. Drop folders here to add them.</source>
        <translation>スキャンするフォルダー。ここにフォルダーをドロップして追加できます。</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="215"/>
        <source>Add folder...</source>
        <translation>フォルダーを追加...</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="216"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="217"/>
        <source>Remove the selected folders from the list (Del)</source>
        <translation>選択したフォルダーを一覧から外します (Del)</translation>
    </message>
    <message>
        <location filename="../../gui/folder_list.py" line="249"/>
        <source>Add a folder to scan</source>
        <translation>スキャンするフォルダーを追加</translation>
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
        <translation>指定なし</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="80"/>
        <source>{n} marked for trash</source>
        <translation>{n} 件をゴミ箱へ指定</translation>
    </message>
</context>
<context>
    <name>GroupListModel</name>
    <message>
        <location filename="../../gui/group_model.py" line="65"/>
        <location filename="../../gui/group_model.py" line="93"/>
        <source>Identical</source>
        <extracomment>Thumbnails shown in a row&apos;s strip; more files show as &quot;+N&quot;. pHash length in bits, to turn a distance into a similarity percentage. A group&apos;s kind when all its copies are one thing: the group is named after it.</extracomment>
        <translation>完全一致</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="66"/>
        <location filename="../../gui/group_model.py" line="95"/>
        <source>Same pixels</source>
        <translation>同じピクセル</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="67"/>
        <source>Resized</source>
        <translation>サイズ変更</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="68"/>
        <source>Converted</source>
        <translation>変換</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="69"/>
        <source>Rotated</source>
        <translation>回転</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="70"/>
        <source>Edited</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="71"/>
        <source>Framed</source>
        <translation>枠付き</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="72"/>
        <source>Damaged copy</source>
        <translation>破損したコピー</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="90"/>
        <source>Similar shots</source>
        <translation>類似ショット</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="99"/>
        <source>Mixed copies</source>
        <translation>いろいろなコピー</translation>
    </message>
    <message>
        <location filename="../../gui/group_model.py" line="249"/>
        <source>%n file(s) · {size} reclaimable · {kind}</source>
        <translation>%n 個のファイル · {size} 解放可能 · {kind}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="308"/>
        <source>Trash history</source>
        <translation>ゴミ箱の履歴</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>Moved</source>
        <translation>移動済み</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="312"/>
        <source>Put back</source>
        <translation>復元済み</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="331"/>
        <source>Files PhotoDedup moved to the trash. Restore puts a batch back.</source>
        <translation>PhotoDedup がゴミ箱へ移動したファイルです。「復元」を押すと、その回のファイルを元の場所に戻します。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="334"/>
        <source>PhotoDedup has not moved any file to the trash yet.</source>
        <translation>PhotoDedup はまだファイルをゴミ箱へ移動していません。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="342"/>
        <source>%1 to a folder</source>
        <translation>%1 (フォルダーへ)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="347"/>
        <source>Batch %1</source>
        <translation>バッチ %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="349"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="354"/>
        <source>Put the %n file(s) of this batch back where they were</source>
        <translation>
            <numerusform>この回の %n 個のファイルを元の場所に戻します</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="357"/>
        <source>Nothing left to put back from this batch</source>
        <translation>この回で元に戻せるファイルは残っていません</translation>
    </message>
</context>
<context>
    <name>IgnoreListDialog</name>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="28"/>
        <source>Photos marked as different</source>
        <translation>別々の写真として指定した写真</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="33"/>
        <source>Photos you marked as different are never grouped as duplicates again, even after they are renamed or moved. Remove a decision to let scans group them.</source>
        <translation>別々の写真として指定した写真は、名前の変更や移動の後も、重複としてグループ化されることはありません。指定を削除すると、スキャンで再びグループ化されるようになります。</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="40"/>
        <source>Decisions</source>
        <translation>指定の一覧</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="43"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="44"/>
        <source>Forget the selected decisions</source>
        <translation>選択した指定を取り消します</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="61"/>
        <source>(+{n} more)</source>
        <translation>(ほか {n} 件)</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="62"/>
        <source>{names} · marked {date}</source>
        <translation>{names} · {date} に指定</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="80"/>
        <source>No photos are marked as different.</source>
        <translation>別々の写真として指定した写真はありません。</translation>
    </message>
    <message>
        <location filename="../../gui/ignore_list_dialog.py" line="82"/>
        <source>Decisions: {n}</source>
        <translation>指定: {n} 件</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../gui/image_viewer.py" line="118"/>
        <source>Compare with… (none)</source>
        <extracomment>Full-size decodes are capped so a giant panorama cannot exhaust memory.</extracomment>
        <translation>比較対象… (なし)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="123"/>
        <source>Show another copy next to this one, zoom and pan locked</source>
        <translation>別のコピーを横に並べて表示します (ズームと移動は連動)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="131"/>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="132"/>
        <source>Zoom in (+ or mouse wheel)</source>
        <translation>拡大 (+ またはマウスホイール)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="136"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="137"/>
        <source>Zoom out (- or mouse wheel)</source>
        <translation>縮小 (- またはマウスホイール)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="140"/>
        <source>Fit</source>
        <translation>全体</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="140"/>
        <source>Fit to window (F)</source>
        <translation>ウィンドウに合わせる (F)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="141"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="141"/>
        <source>Actual pixels (1)</source>
        <translation>等倍表示 (1)</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="226"/>
        <location filename="../../gui/image_viewer.py" line="237"/>
        <source>Cannot show this file: {e}</source>
        <translation>このファイルを表示できません: {e}</translation>
    </message>
    <message>
        <location filename="../../gui/image_viewer.py" line="229"/>
        <location filename="../../gui/image_viewer.py" line="243"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
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
        <translation>オリジナル</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="40"/>
        <source>Largest resolution</source>
        <translation>解像度が最大</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="41"/>
        <source>Largest file</source>
        <translation>ファイルサイズが最大</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="42"/>
        <source>Oldest</source>
        <translation>最も古い</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="43"/>
        <source>Newest</source>
        <translation>最も新しい</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="48"/>
        <source>Format: {format}</source>
        <translation>形式: {format}</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="49"/>
        <source>Folder: {folder}</source>
        <translation>フォルダー: {folder}</translation>
    </message>
</context>
<context>
    <name>KeeperRulesDialog</name>
    <message>
        <location filename="../../gui/keeper_rules.py" line="64"/>
        <source>Which copy to keep</source>
        <translation>残すコピーの選び方</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="67"/>
        <source>The first rule that tells two copies apart decides which one is kept; what the rules leave open, the evidence of the original decides. Files in reference folders are always kept, and a damaged file is never kept while an intact copy exists.</source>
        <translation>2 つのコピーを区別できる最初のルールが、どちらを残すかを決めます。ルールで決まらない場合は、オリジナルである証拠で決めます。参照フォルダー内のファイルは常に残し、破損していないコピーがある間は破損したファイルを残すことはありません。</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="77"/>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="78"/>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="79"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="80"/>
        <source>Add folder...</source>
        <translation>フォルダーを追加...</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="83"/>
        <source>Add format</source>
        <translation>形式を追加</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="84"/>
        <source>Restore defaults</source>
        <translation>既定に戻す</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="140"/>
        <source>Decided from the files: damaged or intact, resolution, a frame, camera data, format, JPEG tables and quality, names and folders, age</source>
        <translation>ファイルから判断します: 破損の有無、解像度、枠、カメラのデータ、形式、JPEG のテーブルと品質、名前とフォルダー、古さ</translation>
    </message>
    <message>
        <location filename="../../gui/keeper_rules.py" line="159"/>
        <source>Prefer copies in this folder</source>
        <translation>このフォルダー内のコピーを優先</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="94"/>
        <source>Add the folders that hold your photos on the left (or drop them there), then press Scan (%1).

PhotoDedup will show each group of copies side by side; nothing is moved until you say so.</source>
        <extracomment>Jobs whose progress shows in the scan panel (a trash shows its own progress dialog).</extracomment>
        <translation>写真が入っているフォルダーを左側に追加 (またはドロップ) して、「スキャン」(%1) を押してください。

PhotoDedup はコピーのグループごとに写真を並べて表示します。指示するまでファイルが移動されることはありません。</translation>
    </message>
    <message>
        <location filename="../../gui/window_layout.py" line="51"/>
        <source>Move the files marked for trash to the system trash (asks first)</source>
        <translation>ゴミ箱へ指定したファイルをシステムのゴミ箱へ移動します (実行前に確認します)</translation>
    </message>
    <message>
        <location filename="../../gui/window_layout.py" line="55"/>
        <source>Move to folder...</source>
        <translation>フォルダーへ移動...</translation>
    </message>
    <message>
        <location filename="../../gui/window_layout.py" line="58"/>
        <source>Move the marked files to a folder you choose</source>
        <translation>印を付けたファイルを選んだフォルダーへ移動します</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>Scanning your photos...

The groups of copies appear here when the scan is done. Photos already read are remembered, so the next scan is faster.</source>
        <translation>写真をスキャンしています...

スキャンが終わると、コピーのグループがここに表示されます。読み込み済みの写真は記憶されるので、次回のスキャンはより速くなります。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>Every group is resolved: nothing is left to review.

Scan again (%1) to check these folders once more.</source>
        <translation>すべてのグループを処理しました。確認するものは残っていません。

もう一度スキャン (%1) すると、これらのフォルダーを再確認できます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/main_window.py" line="215"/>
        <source>Move %n file(s) (%1) to trash</source>
        <translation>
            <numerusform>%n 個のファイル (%1) をゴミ箱へ移動</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="218"/>
        <source>Move 0 files to trash</source>
        <translation>ゴミ箱へ移動 (0 ファイル)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>Keep copies in this folder when possible</source>
        <translation>できるだけこのフォルダーのコピーを残す</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264"/>
        <source>Finishing...</source>
        <translation>最終処理をしています...</translation>
    </message>
</context>
<context>
    <name>MoveConfirmDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="186"/>
        <source>Move to folder</source>
        <translation>フォルダーへ移動</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="189"/>
        <source>Move %n file(s) (%1) to %2?</source>
        <translation>
            <numerusform>%n 個のファイル (%1) を %2 へ移動しますか?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="196"/>
        <source>Each file keeps its folders under the name of the folder it was scanned in, is checked again before it is moved, and no file is moved when its group&apos;s kept copy is gone. You can put them back with Edit &gt; Undo last trash.</source>
        <translation>各ファイルは、スキャンしたフォルダーの名前の下に元のフォルダー構成のまま置かれます。移動の直前にもう一度確認され、グループの残すコピーがなくなっている場合は移動されません。「編集」&gt;「直前のゴミ箱への移動を元に戻す」で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="201"/>
        <source>Move</source>
        <translation>移動</translation>
    </message>
</context>
<context>
    <name>NoTrashDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="215"/>
        <source>No trash here</source>
        <translation>ゴミ箱がありません</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="216"/>
        <source>There is no usable trash on %1.</source>
        <translation>%1 には使えるゴミ箱がありません。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="219"/>
        <source>This happens on network shares and on some removable or read-only drives. Nothing was moved. You can move the extra copies to a folder of your choice instead, and put them back with Edit &gt; Undo last trash.</source>
        <translation>ネットワーク共有や、一部のリムーバブルドライブ・読み取り専用ドライブで起こります。何も移動していません。代わりに余分なコピーを選んだフォルダーへ移動でき、「編集」&gt;「直前のゴミ箱への移動を元に戻す」で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="225"/>
        <source>Move to folder...</source>
        <translation>フォルダーへ移動...</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../gui/outcome.py" line="20"/>
        <source>no extension</source>
        <extracomment>How many extensions of skipped files are named; the rest are counted together.</extracomment>
        <translation>拡張子なし</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="26"/>
        <source>others</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="27"/>
        <source>Skipped, not photos: %n file(s) (%1)</source>
        <translation>写真ではないため読み飛ばしたファイル: %n 個 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="35"/>
        <source>No duplicates found: every photo in these folders is unique.</source>
        <translation>重複は見つかりませんでした。これらのフォルダーに同じ写真は 2 枚以上ありません。</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="40"/>
        <source>None of the %n photo(s) found could be read: see Problems.</source>
        <translation>見つかった %n 枚の写真はどれも読み込めませんでした。「問題」を参照してください。</translation>
    </message>
    <message>
        <location filename="../../gui/outcome.py" line="45"/>
        <source>No photos found in these folders.</source>
        <translation>これらのフォルダーに写真は見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../gui/reasons.py" line="114"/>
        <source>The file is damaged or cut short</source>
        <translation>ファイルが破損しているか、途中で切れています</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="115"/>
        <source>This format is not supported</source>
        <translation>この形式には対応していません</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="116"/>
        <source>The picture is too large to open</source>
        <translation>画像が大きすぎて開けません</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="117"/>
        <source>The file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="118"/>
        <source>You are not allowed to read this file</source>
        <translation>このファイルを読み込む権限がありません</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="119"/>
        <source>The file could not be read from the disk</source>
        <translation>ディスクからファイルを読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="120"/>
        <source>This is not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="121"/>
        <source>The folder could not be read</source>
        <translation>フォルダーを読み込めませんでした</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../../gui/problems_view.py" line="153"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="159"/>
        <source>Show the files that could not be read</source>
        <translation>読み込めなかったファイルを表示</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/problems_view.py" line="169"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>問題 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/problems_view.py" line="63"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="64"/>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="65"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="66"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../gui/problems_view.py" line="109"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/problems_view.py" line="128"/>
        <source>Left out of the scan because they could not be read: %n file(s)</source>
        <translation>
            <numerusform>読み込めなかったためスキャンから除外したファイル: %n 個</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/problems_view.py" line="134"/>
        <source>No problems: every file was read.</source>
        <translation>問題はありません。すべてのファイルを読み込みました。</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../gui/progress_panel.py" line="41"/>
        <source>Ready to scan.</source>
        <translation>スキャンの準備ができました。</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="45"/>
        <source>Looking for photos...</source>
        <translation>写真を探しています...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="46"/>
        <source>Checking the cache...</source>
        <translation>キャッシュを確認しています...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="47"/>
        <source>Reading photos...</source>
        <translation>写真を読み込んでいます...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="48"/>
        <source>Comparing photos...</source>
        <translation>写真を比較しています...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="49"/>
        <source>Finishing...</source>
        <translation>最終処理をしています...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="74"/>
        <location filename="../../gui/progress_panel.py" line="79"/>
        <source>Cancelling...</source>
        <translation>中止しています...</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="87"/>
        <source>%1 of %2 files</source>
        <translation>%1 / %2 ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="95"/>
        <source>%1 files found</source>
        <translation>%1 ファイルが見つかりました</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="110"/>
        <source>%1 files/s</source>
        <translation>%1 ファイル/秒</translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="113"/>
        <source>%1, about %2 left</source>
        <translation>%1、残り約 %2</translation>
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
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/progress_panel.py" line="123"/>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../gui/reasons.py" line="18"/>
        <source>in a reference folder</source>
        <translation>参照フォルダー内にある</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="19"/>
        <source>RAW original</source>
        <translation>RAW のオリジナル</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="20"/>
        <source>JPEG preferred over the RAW</source>
        <translation>RAW より JPEG を優先</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="21"/>
        <source>largest resolution: {width}x{height}</source>
        <translation>解像度が最大: {width}×{height}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="22"/>
        <source>largest file: {size}</source>
        <translation>ファイルサイズが最大: {size}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="23"/>
        <source>oldest: taken {time}</source>
        <translation>最も古い: {time} に撮影</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="24"/>
        <source>oldest: modified {time}</source>
        <translation>最も古い: {time} に更新</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="25"/>
        <source>shortest path</source>
        <translation>パスが最も短い</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="26"/>
        <source>first by name</source>
        <translation>名前順で最初</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="27"/>
        <source>identical file of {name}</source>
        <translation>{name} と同一のファイル</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="28"/>
        <source>identical file; in a reference folder, kept</source>
        <translation>同一のファイル。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="29"/>
        <source>same pixels, other metadata or format of {name}</source>
        <translation>{name} とピクセルが同じで、メタデータまたは形式が異なるファイル</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="30"/>
        <source>same pixels, other metadata or format; in a reference folder, kept</source>
        <translation>ピクセルが同じで、メタデータまたは形式が異なるファイル。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="33"/>
        <source>resized copy ({width}x{height}) of {name}</source>
        <translation>{name} のサイズを変更したコピー ({width}×{height})</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="34"/>
        <source>resized copy ({width}x{height}); in a reference folder, kept</source>
        <translation>サイズを変更したコピー ({width}×{height})。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="35"/>
        <source>re-encoded or converted copy of {name}</source>
        <translation>{name} を再エンコードまたは形式変換したコピー</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="36"/>
        <source>re-encoded or converted copy; in a reference folder, kept</source>
        <translation>再エンコードまたは形式変換したコピー。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="37"/>
        <source>rotated or mirrored copy of {name}</source>
        <translation>{name} を回転または反転したコピー</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="38"/>
        <source>rotated or mirrored copy; in a reference folder, kept</source>
        <translation>回転または反転したコピー。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="39"/>
        <source>edited copy ({width}x{height}) of {name}</source>
        <translation>{name} を編集したコピー ({width}×{height})</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="40"/>
        <source>edited copy ({width}x{height}); in a reference folder, kept</source>
        <translation>編集したコピー ({width}×{height})。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="41"/>
        <source>chosen by you</source>
        <translation>あなたが選択</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="42"/>
        <source>intact file: another copy is damaged</source>
        <translation>破損していないファイル: 別のコピーが破損しています</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="43"/>
        <source>without the frame another copy added</source>
        <translation>枠なし: 別のコピーには枠が追加されています</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="44"/>
        <source>its sidecar holds your edits, rating or keywords</source>
        <translation>サイドカーにあなたの編集、評価、キーワードがあります</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="45"/>
        <source>camera original: {camera}, taken {time}</source>
        <translation>カメラのオリジナル: {camera}、撮影 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="46"/>
        <source>camera original: {camera}</source>
        <translation>カメラのオリジナル: {camera}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="47"/>
        <source>camera original: taken {time}</source>
        <translation>カメラのオリジナル: 撮影 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="48"/>
        <source>{format} as the camera wrote it; the other copies are conversions</source>
        <translation>カメラが書き込んだ {format}。他のコピーは変換されたものです</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="51"/>
        <source>lossless {format}; the other copies are compressed</source>
        <translation>可逆圧縮の {format}。他のコピーは圧縮されています</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="52"/>
        <source>JPEG with the camera&apos;s own compression tables</source>
        <translation>カメラ独自の圧縮テーブルを持つ JPEG</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="53"/>
        <source>highest JPEG quality: {quality}</source>
        <translation>JPEG 品質が最高: {quality}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="54"/>
        <source>camera file name: {name}</source>
        <translation>カメラのファイル名: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="55"/>
        <source>the other copies are named as copies</source>
        <translation>他のコピーはコピーの名前が付いています</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="56"/>
        <source>the other copies are in download, messenger, export or backup folders</source>
        <translation>他のコピーはダウンロード、メッセンジャー、エクスポート、バックアップのフォルダーにあります</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="59"/>
        <source>newest: modified {time}</source>
        <translation>最新: 更新 {time}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="60"/>
        <source>preferred format: {format}</source>
        <translation>優先する形式: {format}</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="61"/>
        <source>in the preferred folder {name}</source>
        <translation>優先するフォルダー {name} 内</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="62"/>
        <source>{format} conversion of {name}</source>
        <translation>{name} の {format} 変換</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="63"/>
        <source>{format} conversion; in a reference folder, kept</source>
        <translation>{format} 変換。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="64"/>
        <source>re-encoded copy (JPEG quality {quality}) of {name}</source>
        <translation>{name} の再エンコードされたコピー (JPEG 品質 {quality})</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="65"/>
        <source>re-encoded copy (JPEG quality {quality}); in a reference folder, kept</source>
        <translation>再エンコードされたコピー (JPEG 品質 {quality})。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="68"/>
        <source>copy with a frame added ({width}x{height}) of {name}</source>
        <translation>{name} に枠を追加したコピー ({width}×{height})</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="69"/>
        <source>copy with a frame added ({width}x{height}); in a reference folder, kept</source>
        <translation>枠を追加したコピー ({width}×{height})。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="72"/>
        <source>damaged copy of {name}</source>
        <translation>{name} の破損したコピー</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="73"/>
        <source>damaged copy; in a reference folder, kept</source>
        <translation>破損したコピー。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="74"/>
        <source>sharpest shot of the burst</source>
        <translation>連写の中で最もシャープなショット</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="75"/>
        <source>sharpest shot of the burst; in a reference folder, kept</source>
        <translation>連写の中で最もシャープなショット。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="76"/>
        <source>first shot</source>
        <translation>最初のショット</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="77"/>
        <source>first shot; in a reference folder, kept</source>
        <translation>最初のショット。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="78"/>
        <source>another shot of the burst</source>
        <translation>同じ連写の別のショット</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="79"/>
        <source>another shot of the burst; in a reference folder, kept</source>
        <translation>同じ連写の別のショット。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="80"/>
        <source>another shot of the burst, {percent} % as sharp</source>
        <translation>同じ連写の別のショット、シャープさは最良の {percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="81"/>
        <source>another shot of the burst, {percent} % as sharp; in a reference folder, kept</source>
        <translation>同じ連写の別のショット、シャープさは最良の {percent}%。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="84"/>
        <source>another shot of the burst (same second)</source>
        <translation>同じ連写の別のショット (同じ秒に撮影)</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="85"/>
        <source>another shot of the burst (same second); in a reference folder, kept</source>
        <translation>同じ連写の別のショット (同じ秒に撮影)。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="88"/>
        <source>another shot of the burst (same second), {percent} % as sharp</source>
        <translation>同じ連写の別のショット (同じ秒に撮影)、シャープさは最良の {percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="91"/>
        <source>another shot of the burst (same second), {percent} % as sharp; in a reference folder, kept</source>
        <translation>同じ連写の別のショット (同じ秒に撮影)、シャープさは最良の {percent}%。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="96"/>
        <source>another shot of the burst ({seconds} s apart)</source>
        <translation>同じ連写の別のショット ({seconds} 秒差)</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="97"/>
        <source>another shot of the burst ({seconds} s apart); in a reference folder, kept</source>
        <translation>同じ連写の別のショット ({seconds} 秒差)。参照フォルダー内のため残します</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="100"/>
        <source>another shot of the burst ({seconds} s apart), {percent} % as sharp</source>
        <translation>同じ連写の別のショット ({seconds} 秒差)、シャープさは最良の {percent}%</translation>
    </message>
    <message>
        <location filename="../../gui/reasons.py" line="103"/>
        <source>another shot of the burst ({seconds} s apart), {percent} % as sharp; in a reference folder, kept</source>
        <translation>同じ連写の別のショット ({seconds} 秒差)、シャープさは最良の {percent}%。参照フォルダー内のため残します</translation>
    </message>
</context>
<context>
    <name>ResultsTabs</name>
    <message>
        <location filename="../../gui/results_tabs.py" line="40"/>
        <source>Photos taken seconds apart by one camera that look alike: different moments, not copies. Nothing is marked for trash until you mark it.</source>
        <translation>同じカメラで数秒以内に撮影された、よく似た写真です。コピーではなく別の瞬間の写真です。自分で指定しない限り、ゴミ箱へ移動する対象にはなりません。</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="108"/>
        <source>Not recorded</source>
        <translation>記録できませんでした</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="127"/>
        <source>Duplicates</source>
        <translation>重複</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="128"/>
        <source>Similar shots</source>
        <translation>類似ショット</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="130"/>
        <source>Duplicates ({n})</source>
        <translation>重複 ({n})</translation>
    </message>
    <message>
        <location filename="../../gui/results_tabs.py" line="132"/>
        <source>Similar shots ({n})</source>
        <translation>類似ショット ({n})</translation>
    </message>
</context>
<context>
    <name>ReviewFiles</name>
    <message>
        <location filename="../../gui/review_files.py" line="39"/>
        <source>Save review</source>
        <extracomment>results_io.write_json or write_csv: (result, dest, keep=..., burst_keep=...).</extracomment>
        <translation>レビューを保存</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="41"/>
        <location filename="../../gui/review_files.py" line="85"/>
        <source>PhotoDedup review (*.json)</source>
        <translation>PhotoDedup レビュー (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="47"/>
        <source>Export CSV</source>
        <translation>CSV に書き出す</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="49"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="72"/>
        <source>Could not write %1:
%2</source>
        <translation>%1 に書き込めませんでした:
%2</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="76"/>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="83"/>
        <source>Open review</source>
        <translation>レビューを開く</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="94"/>
        <source>This file cannot be opened as a review.</source>
        <translation>このファイルはレビューとして開けません。</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="97"/>
        <source>Review opened from %1.</source>
        <translation>%1 からレビューを開きました。</translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="108"/>
        <source>Resume review</source>
        <translation>レビューを再開</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/review_files.py" line="111"/>
        <source>Resume your last review? (%n group(s), saved %1)</source>
        <translation>
            <numerusform>前回のレビューを再開しますか? (%n グループ、%1 に保存)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/review_files.py" line="121"/>
        <source>Review resumed.</source>
        <translation>レビューを再開しました。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../gui/review_panel.py" line="65"/>
        <source>Filter by folder or file name</source>
        <extracomment>Typing in the filter waits this long before re-filtering 10,000 groups.</extracomment>
        <translation>フォルダー名やファイル名で絞り込み</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="67"/>
        <source>Show only groups with a file whose path contains this</source>
        <translation>パスにこの文字列を含むファイルがあるグループだけを表示</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="77"/>
        <source>Most space to gain</source>
        <translation>空き容量が多い順</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="78"/>
        <source>Most files</source>
        <translation>ファイル数が多い順</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="79"/>
        <source>Most similar</source>
        <translation>類似度が高い順</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="80"/>
        <source>Order of the groups</source>
        <translation>グループの並び順</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="84"/>
        <source>Auto-select</source>
        <translation>自動選択</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="85"/>
        <source>Mark every group again with the suggested keepers</source>
        <translation>すべてのグループを、残す候補の提案どおりに指定し直します</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="89"/>
        <source>Suggested keepers</source>
        <translation>提案どおりに残す</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="90"/>
        <source>Prefer keeping files in a folder…</source>
        <translation>特定のフォルダーのファイルを優先して残す…</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="92"/>
        <source>Keep all</source>
        <translation>すべて残す</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="93"/>
        <source>Clear all marks: keep every file</source>
        <translation>すべての指定を解除して、全ファイルを残します</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="95"/>
        <source>These are different photos</source>
        <translation>別々の写真です</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="98"/>
        <source>Remember that the photos of this group are not duplicates: the group leaves the review and later scans never group them again</source>
        <translation>このグループの写真は重複ではないと記録します。グループはレビューから外れ、以後のスキャンでもグループ化されません</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="111"/>
        <source>Duplicate groups</source>
        <translation>重複グループ</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="115"/>
        <source>No group matches the filter.</source>
        <translation>絞り込み条件に一致するグループはありません。</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="135"/>
        <source>Similar shots</source>
        <translation>類似ショット</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="303"/>
        <source>Prefer keeping files in this folder</source>
        <translation>このフォルダーのファイルを優先して残す</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="312"/>
        <source>Add folders and press Scan to find duplicate photos.</source>
        <translation>フォルダーを追加して「スキャン」を押すと、重複した写真を探します。</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="317"/>
        <source>No similar shots found.</source>
        <translation>類似ショットは見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/review_panel.py" line="319"/>
        <source>No duplicates found.</source>
        <translation>重複は見つかりませんでした。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/review_panel.py" line="336"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 個のグループ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/review_panel.py" line="337"/>
        <source>%n file(s) marked for trash (%1)</source>
        <translation>
            <numerusform>ゴミ箱へ指定したファイル %n 個 (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanFlow</name>
    <message>
        <location filename="../../gui/scan_flow.py" line="47"/>
        <source>These folders no longer exist; remove them from the list:
%1</source>
        <translation>次のフォルダーはもう存在しません。一覧から外してください:
%1</translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="55"/>
        <source>Starting the scan...</source>
        <translation>スキャンを開始しています...</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/scan_flow.py" line="63"/>
        <source>Scan cancelled. Photos read so far stay cached: %n.</source>
        <translation>
            <numerusform>スキャンを中止しました。読み込み済みの %n 枚の写真はキャッシュに残ります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/scan_flow.py" line="68"/>
        <source>%n photo(s) compared in %1 s.</source>
        <translation>
            <numerusform>%n 枚の写真を %1 秒で比較しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="71"/>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="76"/>
        <source>Stopped by an error.</source>
        <translation>エラーのため停止しました。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_flow.py" line="77"/>
        <source>The operation failed.</source>
        <translation>操作に失敗しました。</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../gui/scan_panel.py" line="49"/>
        <source>Folders to scan</source>
        <translation>スキャンするフォルダー</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="67"/>
        <source>Include rotated and mirrored copies</source>
        <translation>回転・反転したコピーも含める</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="69"/>
        <source>Also find copies turned sideways, upside down or mirrored (a little slower)</source>
        <translation>横向き・逆さま・左右反転のコピーも探します (少し遅くなります)</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="71"/>
        <source>Keep the JPEG of RAW+JPEG pairs</source>
        <translation>RAW+JPEG のペアでは JPEG を残す</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="74"/>
        <source>When a RAW file and its JPEG are found, suggest keeping the JPEG; by default the RAW, the camera&apos;s original, is kept</source>
        <translation>RAW ファイルとその JPEG が見つかったとき、JPEG を残すよう提案します。既定ではカメラのオリジナルである RAW を残します</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="78"/>
        <source>Which copy to keep...</source>
        <translation>残すコピーの選び方...</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="80"/>
        <source>Order the rules that choose the copy to keep (by default: the original)</source>
        <translation>残すコピーを選ぶルールの順序を決めます (既定: オリジナル)</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="84"/>
        <source>Find similar shots (bursts)</source>
        <translation>類似ショット (連写) も探す</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="87"/>
        <source>Also list photos taken seconds apart by one camera that look alike, in their own tab; none is marked for trash</source>
        <translation>同じカメラで数秒以内に撮影されたよく似た写真も、別のタブに一覧表示します。ゴミ箱へ移動する指定はされません</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="92"/>
        <source>e.g. *.gif, */Thumbnails/*</source>
        <translation>例: *.gif, */Thumbnails/*</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="94"/>
        <source>Files and folders matching these patterns are skipped; separate with commas</source>
        <translation>これらのパターンに一致するファイルとフォルダーはスキップします。カンマで区切って指定します</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="99"/>
        <source>How many photos are read at the same time</source>
        <translation>同時に読み込む写真の数</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="101"/>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="105"/>
        <source>Similarity:</source>
        <translation>類似度:</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="113"/>
        <source>Skip:</source>
        <translation>除外:</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="114"/>
        <source>Workers:</source>
        <translation>並列数:</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="116"/>
        <source>Scan</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="118"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="186"/>
        <source>Identical files only</source>
        <translation>完全一致のみ</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="187"/>
        <source>Only exact copies: the same file, or the same pixels.</source>
        <translation>完全なコピーのみ: 同じファイル、または同じピクセルの画像。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="190"/>
        <source>Strict</source>
        <translation>厳密</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="191"/>
        <source>Copies that were resized, re-saved or converted.</source>
        <translation>サイズ変更・再保存・形式変換されたコピー。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="194"/>
        <source>Normal</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="195"/>
        <source>Also lightly edited copies: crops, colour changes, watermarks.</source>
        <translation>軽く編集したコピーも: トリミング、色調整、透かしなど。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="198"/>
        <source>Loose</source>
        <translation>緩め</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="199"/>
        <source>Heavier edits too; check the groups carefully.</source>
        <translation>大きく編集したものも含みます。グループをよく確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/scan_panel.py" line="229"/>
        <source>Keep: {rules}</source>
        <translation>残す: {rules}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="24"/>
        <source>Next group</source>
        <extracomment>Keys of the review list and compare pane (gui/review_panel.py binds them).</extracomment>
        <translation>次のグループ</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="25"/>
        <source>Previous group</source>
        <translation>前のグループ</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="26"/>
        <source>Next file of the group</source>
        <translation>グループ内の次のファイル</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="27"/>
        <source>Previous file of the group</source>
        <translation>グループ内の前のファイル</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="28"/>
        <source>Keep or trash the chosen file</source>
        <translation>選んだファイルを残す/ゴミ箱へ</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="29"/>
        <source>Mark the chosen file for trash</source>
        <translation>選んだファイルをゴミ箱行きにする</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="34"/>
        <source>Zoom in</source>
        <extracomment>Keys of the large side-by-side view (gui/image_viewer.py binds them).</extracomment>
        <translation>拡大</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="35"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="36"/>
        <source>Fit to the window</source>
        <translation>ウィンドウに合わせる</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="37"/>
        <source>Actual size</source>
        <translation>実際のサイズ</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="42"/>
        <source>Blink: the keeper and the copy in turn</source>
        <extracomment>Keys of the differences view (gui/differences.py binds them, with the large view&apos;s zoom keys).</extracomment>
        <translation>点滅: 残すファイルとコピーを交互に表示</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="43"/>
        <source>Heat map or the copy on the right</source>
        <translation>右側をヒートマップまたはコピーに切り替え</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="44"/>
        <source>Close the view</source>
        <translation>表示を閉じる</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="64"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="66"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="66"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="74"/>
        <source>Anywhere in the window</source>
        <translation>ウィンドウ全体</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="75"/>
        <source>Reviewing groups</source>
        <translation>グループの確認中</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="76"/>
        <source>Large view (double-click a photo)</source>
        <translation>大きな表示 (写真をダブルクリック)</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts_dialog.py" line="78"/>
        <source>Differences view (also zooms like the large view)</source>
        <translation>違いの表示 (拡大表示と同じズーム操作も可)</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="253"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="253"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="275"/>
        <source>Copy list</source>
        <translation>一覧をコピー</translation>
    </message>
</context>
<context>
    <name>TrashConfirmDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="145"/>
        <location filename="../../gui/dialogs.py" line="166"/>
        <source>Move to trash</source>
        <translation>ゴミ箱へ移動</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="148"/>
        <source>Keep their dates, places, ratings and keywords: write what the kept copy lacks into its XMP sidecar (the photo itself is not changed)</source>
        <translation>撮影日時、場所、評価、キーワードを残す: 残すコピーにないものをその XMP サイドカーに書き込みます (写真そのものは変更しません)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs.py" line="155"/>
        <source>Move %n file(s) (%1) to the trash?</source>
        <translation>
            <numerusform>%n 個のファイル (%1) をゴミ箱へ移動しますか?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="161"/>
        <source>Each file is checked again before it is moved, and no file is moved when its group&apos;s kept copy is gone. You can put them back with Edit &gt; Undo last trash.</source>
        <translation>各ファイルは移動の直前にもう一度確認され、グループで残すコピーがなくなっている場合は移動しません。「編集」&gt;「直前のゴミ箱への移動を元に戻す」で元に戻せます。</translation>
    </message>
</context>
<context>
    <name>TrashFlow</name>
    <message>
        <location filename="../../gui/trash_flow.py" line="172"/>
        <source>The trash history cannot be read.</source>
        <translation>ゴミ箱の履歴を読み込めません。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="98"/>
        <source>Moving files to the trash...</source>
        <translation>ファイルをゴミ箱へ移動しています...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="126"/>
        <source>No file is marked to be moved.</source>
        <translation>移動する印の付いたファイルはありません。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="129"/>
        <source>Move the marked files to this folder</source>
        <translation>印を付けたファイルをこのフォルダーへ移動</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="135"/>
        <source>The files cannot be moved to this folder.</source>
        <translation>このフォルダーへはファイルを移動できません。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="154"/>
        <source>Moving files to %1...</source>
        <translation>%1 へファイルを移動しています...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="166"/>
        <source>Putting files back...</source>
        <translation>ファイルを元に戻しています...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="185"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="203"/>
        <source>Moving %1 (%2 of %3)...</source>
        <translation>%1 を移動しています (%2 / %3)...</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="232"/>
        <source>The trash was stopped. Files already moved are in the journal.</source>
        <translation>ゴミ箱への移動を停止しました。移動済みのファイルは履歴に記録されています。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="234"/>
        <source>The move was stopped. Files already moved are in the journal.</source>
        <translation>移動を中止しました。移動済みのファイルは記録に残っています。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="236"/>
        <source>Could not put the files back.</source>
        <translation>ファイルを元に戻せませんでした。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="249"/>
        <source>Moved %n file(s) (%1) to %2.</source>
        <translation>
            <numerusform>%n 個のファイル (%1) を %2 へ移動しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="251"/>
        <source>Moved %n file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>%n 個のファイル (%1) をゴミ箱へ移動しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="255"/>
        <source>Skipped %n file(s).</source>
        <translation>
            <numerusform>%n 個のファイルをスキップしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="261"/>
        <source>Their dates, places, ratings and keywords were kept in %n sidecar(s).</source>
        <translation>
            <numerusform>撮影日時、場所、評価、キーワードを %n 個のサイドカーに残しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="269"/>
        <source>Edit &gt; Undo last trash puts them back.</source>
        <translation>「編集」&gt;「直前のゴミ箱への移動を元に戻す」で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="273"/>
        <source>Skipped</source>
        <translation>スキップしたファイル</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="274"/>
        <source>Not touched</source>
        <translation>移動しなかったファイル</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="276"/>
        <source>Moved to %1</source>
        <translation>%1 へ移動</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="278"/>
        <source>Moved to the trash</source>
        <translation>ゴミ箱へ移動済み</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="281"/>
        <source>Metadata kept in</source>
        <translation>メタデータの保存先</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="283"/>
        <source>Trash finished</source>
        <translation>ゴミ箱への移動が完了しました</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="283"/>
        <source>Move finished</source>
        <translation>移動が完了しました</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="291"/>
        <source>Put back %n file(s).</source>
        <translation>
            <numerusform>%n 個のファイルを元に戻しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/trash_flow.py" line="297"/>
        <source>Could not put back %n file(s).</source>
        <translation>
            <numerusform>%n 個のファイルを元に戻せませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="302"/>
        <source>The review is back with your marks.</source>
        <translation>確認中の内容が、付けた印ごと戻りました。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="304"/>
        <source>Scan again to review them.</source>
        <translation>確認するにはもう一度スキャンしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="306"/>
        <source>Not put back</source>
        <translation>元に戻せなかったファイル</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="307"/>
        <source>Put back</source>
        <translation>元に戻したファイル</translation>
    </message>
    <message>
        <location filename="../../gui/trash_flow.py" line="309"/>
        <source>Undo trash</source>
        <translation>ゴミ箱への移動を元に戻す</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../gui/menus.py" line="58"/>
        <source>Add folder...</source>
        <translation>フォルダーを追加...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="60"/>
        <source>Scan</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="62"/>
        <source>Cancel scan</source>
        <translation>スキャンを中止</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="65"/>
        <source>Find copies of a photo...</source>
        <translation>写真のコピーを探す...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="67"/>
        <source>Open review...</source>
        <translation>レビューを開く...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="69"/>
        <source>Save review...</source>
        <translation>レビューを保存...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="71"/>
        <source>Export CSV...</source>
        <translation>CSV に書き出す...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="72"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="74"/>
        <source>Undo last trash</source>
        <translation>直前のゴミ箱への移動を元に戻す</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="76"/>
        <source>Move to folder...</source>
        <translation>フォルダーへ移動...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="78"/>
        <source>Auto-select all</source>
        <translation>すべて自動選択</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="80"/>
        <source>Prefer folder...</source>
        <translation>優先するフォルダー...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="81"/>
        <source>Clear all marks</source>
        <translation>すべての指定を解除</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="83"/>
        <source>Photos marked as different...</source>
        <translation>別々の写真として指定した写真...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="86"/>
        <source>Folders and options</source>
        <translation>フォルダーとオプション</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="94"/>
        <source>Show or hide the folders, the scan options and Scan (%1)</source>
        <translation>フォルダー、スキャンのオプション、スキャンボタンを表示/非表示 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="99"/>
        <source>Show differences...</source>
        <translation>違いを表示...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="102"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="103"/>
        <source>History...</source>
        <translation>履歴...</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="105"/>
        <source>PhotoDedup on the web</source>
        <translation>PhotoDedup のウェブサイト</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="107"/>
        <source>About PhotoDedup</source>
        <translation>PhotoDedup について</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="109"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="115"/>
        <source>Scan the folders (%1)</source>
        <translation>フォルダーをスキャン (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="119"/>
        <source>Stop the scan; photos read so far stay cached (%1)</source>
        <translation>スキャンを中止します。読み込み済みの写真はキャッシュに残ります (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="137"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="143"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="149"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="154"/>
        <source>Language (after a restart)</source>
        <translation>言語 (再起動後に適用)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="156"/>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="159"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="201"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="202"/>
        <source>The new language is used the next time you start PhotoDedup.</source>
        <translation>新しい言語は次回 PhotoDedup を起動したときに適用されます。</translation>
    </message>
</context>
<context>
    <name>_FolderView</name>
    <message>
        <location filename="../../gui/folder_list.py" line="167"/>
        <source>Drop folders here, or click Add folder...</source>
        <translation>ここにフォルダーをドロップするか、「フォルダーを追加...」をクリックしてください</translation>
    </message>
</context>
</TS>
