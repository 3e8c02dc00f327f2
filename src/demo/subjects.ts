/** Subject lines: Japanese and English business mail, replies and forwards, newsletters and spam. */
import type { Rng } from './rng.js';

/** What a subject may mention: the local date of the message and a few names. */
export interface SubjectContext {
  /** Local date, e.g. '2026/06/01'. */
  ymd: string;
  /** Local month/day, e.g. '6/1'. */
  md: string;
  month: number;
  partner: string;
  surname: string;
}

type Template = (rng: Rng, c: SubjectContext) => string;

const PROJECTS = [
  '新基幹システム',
  'Webリニューアル',
  '物流センター移転',
  'ISMS更新',
  'Phoenix',
  'Aurora',
  '展示会2026',
  '新製品X200',
  '価格改定',
  '中期経営計画',
];
const PROJECTS_EN = ['Phoenix', 'Aurora', 'X200 launch', 'ERP migration', 'APAC rollout', 'Q3 pricing', 'warehouse move', 'partner portal'];
const TOPICS = ['DX推進', '生成AI活用', '情報セキュリティ', 'インボイス制度', '働き方改革', 'サプライチェーン'];
const n = (rng: Rng, digits: number): string => String(rng.int(10 ** (digits - 1), 10 ** digits - 1));

const JA: Template[] = [
  (r, c) => `会議のご案内（${c.md}）`,
  () => '【至急】見積書送付の件',
  () => '打ち合わせ日程のご相談',
  (r) => `${r.pick(PROJECTS)}の件`,
  (r, c) => `議事録送付（${c.md} 定例会）`,
  () => '資料送付のご連絡',
  (r) => `【ご確認】${r.pick(PROJECTS)} 仕様書 v${r.int(1, 3)}.${r.int(0, 9)}`,
  (r) => `ご発注書送付の件（注文番号 ${n(r, 5)}）`,
  () => '納期についてのご相談',
  (r) => `【共有】${r.pick(PROJECTS)} 進捗報告`,
  (r, c) => `週報（${c.md}）`,
  (r, c) => `日報 ${c.md} ${c.surname}`,
  () => 'お見積りのお願い',
  () => '契約書ドラフトのご確認',
  () => '来週の出張について',
  () => '休暇申請',
  (r, c) => `経費精算のお願い（${c.month}月分）`,
  (r, c) => `システムメンテナンスのお知らせ（${c.md}）`,
  () => '面接日程のご連絡',
  (r) => `セミナーご案内：${r.pick(TOPICS)}`,
  (r, c) => `【${c.partner}】お打ち合わせのお礼`,
  () => 'ご確認のお願い',
  () => '先日はありがとうございました',
  (r) => `${r.pick(PROJECTS)} 課題一覧の更新`,
  () => '',
];

const EN: Template[] = [
  (r) => `Meeting request: ${r.pick(PROJECTS_EN)} sync`,
  (r, c) => `Weekly report - ${c.ymd}`,
  (r) => `Quotation request for ${r.pick(PROJECTS_EN)}`,
  (r) => `Purchase order PO-${n(r, 6)}`,
  () => 'Shipping schedule',
  (r) => `${r.pick(PROJECTS_EN)} status update`,
  () => 'Contract draft for review',
  (r) => `Agenda for ${r.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} call`,
  () => 'Travel itinerary',
  (r) => `Q${r.int(1, 4)} forecast`,
  () => "Action items from today's meeting",
  () => 'Quick question',
  (r) => `Updated slides: ${r.pick(PROJECTS_EN)}`,
];

const PREFIXES = ['Re: ', 'RE: ', 'FW: ', 'Fwd: ', '転送: ', '返信: ', 'Re: Re: ', 'RE: RE: ', 'FW: RE: '];
const PREFIX_WEIGHTS = [30, 25, 10, 5, 3, 3, 8, 6, 4];
const PREFIX_TOTAL = PREFIX_WEIGHTS.reduce((a, b) => a + b, 0);

function prefix(rng: Rng): string {
  let x = rng.next() * PREFIX_TOTAL;
  for (let i = 0; i < PREFIXES.length; i++) {
    x -= PREFIX_WEIGHTS[i]!;
    if (x < 0) return PREFIXES[i]!;
  }
  return PREFIXES[0]!;
}

/** A business subject in the given language, a third of them replies or forwards. */
export function businessSubject(rng: Rng, lang: 'ja' | 'en', c: SubjectContext): string {
  const base = rng.pick(lang === 'ja' ? JA : EN)(rng, c);
  if (base === '') return '';
  return rng.chance(0.38) ? prefix(rng) + base : base;
}

/** An out-of-office or delivery-report subject (a small share of all mail). */
export function automaticSubject(rng: Rng, original: string): string {
  return rng.pick(['自動応答: ', 'Automatic reply: ', '不在: ']) + original;
}

/** A partner's invoice notice (never sent with a reply prefix: replies to invoices are the campaign's disguise). */
export function invoiceSubject(rng: Rng, lang: 'ja' | 'en', c: SubjectContext): string {
  if (lang === 'en') return `Invoice #${n(rng, 6)} from ${c.partner}`;
  return rng.pick([
    `請求書送付のご案内（${c.month}月分）`,
    `【${c.partner}】${c.month}月度 ご請求書送付のお知らせ`,
    `${c.month}月分 請求書の件`,
    `ご請求書（${c.ymd.slice(0, 4)}年${c.month}月締め）`,
  ]);
}

const SPAM: Array<(rng: Rng) => string> = [
  () => '【重要】お支払い方法の確認をお願いします',
  () => 'ETC利用照会サービス 退会予告のお知らせ',
  () => '【緊急】アカウント停止のお知らせ',
  () => '当選のお知らせ',
  () => '未払い料金のお知らせ',
  () => '【ご本人様確認】カードご利用確認のお願い',
  () => 'Your mailbox is almost full',
  (r) => `Payment confirmation #${n(r, 7)}`,
  (r) => `You have (${r.int(2, 9)}) undelivered messages`,
  () => 'Urgent: verify your account',
  () => 'Claim your reward now',
  () => 'Limited time offer: 90% OFF',
  (r) => `Bitcoin profit ${r.int(200, 900)}% guaranteed`,
  (r) => `Shared document: Scan_${n(r, 6)}.pdf`,
  // Right-to-left override: the UI must show it, not obey it (reads as "...exe.pdf").
  (r) => `Invoice_${n(r, 4)}\u202Efdp.exe`,
  () => '投資セミナー無料ご招待',
  () => 'Re: your order',
];

/** A spam subject. */
export function spamSubject(rng: Rng): string {
  return rng.pick(SPAM)(rng);
}
