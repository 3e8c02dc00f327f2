/** The Japanese text of every reject reason, by the codes of reject-reasons-en.ts (a test checks both have the same). */
import type { ReasonJson, ReasonParam, ReasonTexts } from './reject-reason.js';

type P = Readonly<Record<string, ReasonParam>>;
type T = (r: ReasonJson) => string;

const FILE_OR_FOLDER: Record<string, string> = { file: 'ファイル', folder: 'フォルダー', path: 'ファイルまたはフォルダー' };

/** What each format looks like, for "no records found" (the English sentence is the format's own description). */
const FORMAT_JA: Record<string, string> = {
  graph:
    'Microsoft Graph の messageTraces または getDetailsByRecipient（ページ {"@odata.context": ..., "value": [...]}、配列、またはレコード {id, receivedDateTime, recipientAddress, ...} を 1 件または 1 行に 1 件）',
  rws: 'Reporting Web Service の MessageTrace OData JSON（{"odata.metadata": ..., "value": [...]} または {"d": {"results": [...]}}）',
  powershell:
    'PowerShell の Get-MessageTrace(V2) | ConvertTo-Json（MessageTraceId、RecipientAddress、Received などを持つ JSON 配列、または 1 行に 1 オブジェクト）',
  eac: 'Exchange 管理センターの CSV レポート（拡張概要 origin_timestamp_utc ...、拡張 date_time_utc, event_id ...、またはメッセージトレース Received, Sender, Recipient, Status ...）',
  'tracking-log': 'Exchange のメッセージ追跡ログ（MSGTRK*.LOG。#Fields: date-time,client-ip,... のヘッダーと 1 行 1 イベント）',
};

const what = (p: P) => FILE_OR_FOLDER[String(p.what)] ?? String(p.what);

const rowsJa = (rows: ReasonParam | undefined) => `${Number(rows).toLocaleString('ja-JP')} 行`;
const RERUN_JA = '同じ取り込みをもう一度実行してください（保存済みの行は重複として数えられます）';

export const REASONS_JA: ReasonTexts = {
  'not-json-object': () => 'JSON オブジェクトではありません',
  'missing-field': (p: P) => `${p.field} がありません`,
  'missing-field-for': (p: P) => `${p.field}（${p.column}）がありません`,
  'no-message-named': (p: P) => `${p.fields} がありません（どのメッセージのイベントかわかりません）`,
  'bad-value': (p: P) => `${p.field} の値が不正です: ${p.value}`,
  'unknown-status': (p: P) => `${p.field} が未知の値です: ${p.value}`,
  'unknown-status-event': (p: P) => `${p.recipient} の状態イベントが未知の値です: ${p.value}`,
  'no-recipient-in-status': (p: P) => `recipient_status に受信者アドレスがありません: ${p.value}`,
  'no-recipient-events': (p: P) => `recipient_status に ${p.recipient} のイベントがありません`,
  'record-too-large': (p: P) => `レコードが大きすぎます: ${p.field} が ${p.length} 文字（保存できるのは ${p.max} 文字まで）`,
  'field-count': (p: P) => `フィールド数が ${p.expected} のはずが ${p.found} です`,
  'before-fields-header': () => '#Fields: ヘッダーより前にイベント行があります',
  'not-eac-header': () =>
    'Exchange 管理センターのレポートのヘッダーではありません（origin_timestamp_utc、date_time_utc、または Received/Recipient/Status の列が必要です）',
  'line-too-long': (p: P) => `行が ${p.max} 文字を超えています`,
  'record-too-long': (p: P) => `レコードが ${p.max} 文字を超えています: ファイルの残りは読み飛ばしました`,
  'json-key-expected': (p: P) => `${p.line} 行目が JSON として不正です: キーがありません`,
  'json-unexpected': (p: P) => `${p.line} 行目が JSON として不正です: 予期しない '${p.char}'`,
  'not-json-unexpected': (p: P) => `JSON ではありません: ${p.line} 行目に予期しない '${p.char}'`,
  'not-json-start': (p: P) => `JSON ではありません: ファイルの先頭が ${p.text} です`,
  'text-before-records': (p: P) => `JSON ではありません: レコードの前にテキストの行があります: ${p.text}`,
  'not-json-value': () => 'JSON のオブジェクトでも配列でもありません',
  'invalid-json': (p: P) => `JSON として不正です: ${p.detail}`,
  'error-response': (p: P) => `レコードではなくエラー応答です${p.detail ? `: ${p.detail}` : ''}`,
  'truncated-record': () => 'JSON が途切れています: レコードの途中でファイルが終わっています',
  'truncated-document': () => 'JSON が途切れています: 文書が閉じる前にファイルが終わっています',
  'unterminated-quote': () => '引用符で囲んだ値が閉じていません',
  'unterminated-quote-at-end': () => '引用符で囲んだ値が閉じないままファイルが終わっています',
  'empty-file': () => '空のファイルです',
  'blank-file': () => '空のファイルです（空行のみ）',
  'html-page': (p: P) =>
    `エクスポートではなく HTML ページです${p.title ? `（"${p.title}"）` : ''}: データの代わりにサインイン画面やエラー画面を保存していませんか？`,
  markup: () => 'エクスポートではなく XML などのマークアップです',
  'json-unknown-shape': () => '未知の形の JSON です',
  'json-array-no-objects': () => '未知の形の JSON です: オブジェクトを含まない配列',
  'json-array-keys': (p: P) => `未知の形の JSON です: キー ${p.keys} を持つオブジェクトの配列`,
  'json-object-keys': (p: P) => `未知の形の JSON です: 最上位のキー ${p.keys}`,
  'binary-zip': () =>
    'バイナリデータです: 名前が .zip でない ZIP アーカイブ（Excel の .xlsx ブックもこれにあたります。レポートは CSV で保存してください）',
  'binary-gzip': () => 'バイナリデータです: gzip で圧縮されたデータ',
  'binary-pdf': () => 'バイナリデータです: PDF 文書',
  'binary-office': () => 'バイナリデータです: 古い Office 文書（Excel の .xls ブック？）。レポートは CSV で保存してください',
  'binary-png': () => 'バイナリデータです: PNG 画像',
  'binary-jpeg': () => 'バイナリデータです: JPEG 画像',
  'binary-data': () => 'バイナリデータです（制御文字やゼロのバイトを含む）。テキストのエクスポートではありません',
  'unknown-encoding': () =>
    '文字コードがわかりません: UTF-8、UTF-16、Shift_JIS のいずれでもありません（UTF-8 か UTF-16 で保存してください）',
  'unknown-encoding-not-japanese': () =>
    '文字コードがわかりません: UTF-8 でも UTF-16 でもなく、Shift_JIS として読んでも日本語になりません（UTF-8 か UTF-16 で保存してください）',
  'unknown-format': (p: P) => `既知のエクスポートではありません: ${p.formats} のいずれでもありません（--format で形式を指定できます）`,
  'no-records': (p: P) => `レコードが見つかりません（${p.format} のファイルは ${FORMAT_JA[String(p.format)] ?? p.description}）`,
  'no-such-path': (p: P) => `${what(p)}がありません`,
  'permission-denied': (p: P) => `アクセスが拒否されました: このユーザーはこの${what(p)}を読めません`,
  'symlink-loop': () => 'シンボリックリンクがループしています',
  'folder-not-file': () => 'ファイルのはずがフォルダーです',
  'file-not-folder': () => 'フォルダーのはずがファイルです',
  'too-many-open-files': () => '開いているファイルが多すぎます',
  'io-error': () => '入出力エラーです（ディスクやネットワーク共有の障害？）',
  'cannot-read-path': (p: P) => `${what(p)}を読めません: ${p.detail}`,
  'cannot-read': (p: P) => `読み込めません: ${p.detail}`,
  'stopped-reading': (p: P, t: T) => `${p.records} 件読んだところで読み込みを中止しました: ${t(p.cause as ReasonJson)}`,
  'damaged-gzip': (p: P) => `gzip データが壊れています: ${p.detail}`,
  'damaged-zip': (p: P) => `ZIP アーカイブが壊れているか読めません: ${p.detail}`,
  'empty-archive': () => '空のアーカイブです: ファイルが入っていません',
  'member-too-large': (p: P) => `拒否しました: 展開すると ${p.size} になり、上限の ${p.limit} を超えます`,
  'member-ratio': (p: P) => `拒否しました: 展開すると ${p.ratio} 倍に増え、上限の ${p.limit} 倍を超えます（圧縮爆弾？）`,
  'archive-too-large': (p: P) => `拒否しました: アーカイブの中身が合計 ${p.limit} バイトを超えます`,
  'not-regular-file': () => '通常のファイルではありません（デバイス、パイプ、ソケット）',
  'dangling-symlink': () => 'リンク先のないシンボリックリンクです（リンク先が消えています）',
  refused: () => '拒否しました',
  'zip-in-zip': () => '拒否しました: ZIP の中の ZIP は読みません（先に展開してください）',
  'unsafe-member-path': (p: P) => `拒否しました: アーカイブ内のパスが安全ではありません（${p.problem}）`,
  'reject-file-not-written': (p: P, t: T) => `除外ファイル ${p.path} を書き込めませんでした: ${t(p.cause as ReasonJson)}`,
  'disk-full': () => 'ディスクがいっぱいです',
  'write-permission-denied': () => 'アクセスが拒否されました（書き込む権限がありません）',
  'is-a-folder': () => 'フォルダーです',
  'folder-cannot-be-created': () => 'そのフォルダーを作成できません',
  'cannot-write': (p: P) => `書き込めません: ${p.detail}`,
  'path-unreadable': (p: P, t: T) => `${p.path}: ${t(p.cause as ReasonJson)}`,
  'store-disk-full': (p: P) =>
    `ストア ${p.store} のディスクがいっぱいです。この実行では停止までに ${rowsJa(p.rows)}を保存しました。空き容量を作ってから${RERUN_JA}`,
  'store-damaged': (p: P) =>
    `ストア ${p.store} が壊れています${p.detail ? `（${p.detail}）` : ''}。この実行では停止までに ${rowsJa(p.rows)}を保存しました。バックアップから復元するか、新しいストアに取り込んでください`,
  'store-read-only': (p: P) =>
    `ストア ${p.store} に書き込めません（権限がないか読み取り専用です）。この実行では停止までに ${rowsJa(p.rows)}を保存しました。権限を直してから${RERUN_JA}`,
  'store-refused': (p: P) =>
    `ストア ${p.store} への書き込みが拒否されました${p.detail ? `（${p.detail}）` : ''}。この実行では停止までに ${rowsJa(p.rows)}を保存しました。${RERUN_JA}`,
  'store-locked': (p: P) =>
    `ストア ${p.store} は別の mailsift プロセス（${p.holder || '別のプロセス'}）が使用中です。--wait で終わるのを待つか、そのプロセスを停止してください`,
  'store-not-a-store': (p: P) =>
    `ストア ${p.store} は壊れているか、mailsift のストアではありません（${p.detail}）。バックアップから復元するか、別の場所に移して新しいストアに取り込み直してください`,
  'store-open-read-only': (p: P) => `ストア ${p.store} を開けません: 読み取り専用か、書き込む権限がありません（${p.detail}）`,
  'store-cannot-open': (p: P) => `ストア ${p.store} を開けません（${p.detail}）`,
};
