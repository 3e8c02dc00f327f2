/** Fixed name lists of the fictional world: people, partners, newsletters, mail providers. */

export const SURNAMES = [
  'sato', 'suzuki', 'takahashi', 'tanaka', 'watanabe', 'ito', 'yamamoto', 'nakamura', 'kobayashi', 'kato',
  'yoshida', 'yamada', 'sasaki', 'yamaguchi', 'matsumoto', 'inoue', 'kimura', 'hayashi', 'shimizu', 'yamazaki',
  'mori', 'abe', 'ikeda', 'hashimoto', 'yamashita', 'ishikawa', 'nakajima', 'maeda', 'fujita', 'ogawa',
  'goto', 'okada', 'hasegawa', 'murakami', 'kondo', 'ishii', 'saito', 'sakamoto', 'endo', 'aoki',
  'fujii', 'nishimura', 'fukuda', 'ota', 'miura', 'fujiwara', 'okamoto', 'matsuda', 'nakagawa', 'nakano',
  'harada', 'ono', 'tamura', 'takeuchi', 'kaneko', 'wada', 'nakayama', 'ishida', 'ueda', 'morita',
  'hara', 'shibata', 'sakai', 'kudo', 'yokoyama', 'miyazaki', 'miyamoto', 'uchida', 'takagi', 'ando',
  'taniguchi', 'ohno', 'maruyama', 'imai', 'takada', 'fujimoto', 'takeda', 'murata', 'ueno', 'sugiyama',
];

export const INITIALS = ['a', 'h', 'k', 'm', 'n', 'r', 's', 't', 'y', 'e', 'i', 'j', 'c', 'd', 'f', 'g', 'w'];

export const GIVEN_NAMES = [
  'taro', 'hiroshi', 'takeshi', 'kenji', 'yuki', 'akiko', 'naoko', 'yumi', 'daisuke', 'shota',
  'haruka', 'misaki', 'ryota', 'kazuya', 'emi', 'mai', 'kenta', 'aya', 'satoshi', 'tomoko',
];

export const WESTERN_FIRST = ['john', 'emily', 'michael', 'sarah', 'david', 'laura', 'james', 'anna', 'robert', 'maria', 'chris', 'julia', 'daniel', 'kate', 'peter'];
export const WESTERN_LAST = ['smith', 'johnson', 'miller', 'brown', 'davis', 'wilson', 'taylor', 'clark', 'lewis', 'walker', 'young', 'allen', 'king', 'wright', 'hill'];

/** Departments of the tenant and their head count (sums to 300). */
export const DEPARTMENTS = [
  { id: 'sales', name: '営業部', size: 70, external: 0.35, domain: 0 },
  { id: 'dev', name: '開発部', size: 75, external: 0.12, domain: 0 },
  { id: 'finance', name: '経理部', size: 12, external: 0.25, domain: 0 },
  { id: 'hr', name: '人事部', size: 10, external: 0.15, domain: 0 },
  { id: 'admin', name: '総務部', size: 15, external: 0.15, domain: 0 },
  { id: 'it', name: '情報システム部', size: 10, external: 0.1, domain: 0 },
  { id: 'factory', name: '製造部', size: 60, external: 0, domain: 0 },
  { id: 'legal', name: '法務部', size: 5, external: 0.2, domain: 0 },
  { id: 'exec', name: '経営企画室', size: 8, external: 0.25, domain: 0 },
  { id: 'overseas', name: 'Overseas Business', size: 35, external: 0.45, domain: 1 },
] as const;

export type DepartmentId = (typeof DEPARTMENTS)[number]['id'];

/** Partner companies; `m365` partners send through Exchange Online Protection. */
export const PARTNERS = [
  { domain: 'fabrikam.co.jp', name: 'Fabrikam', country: 'JP', m365: true, lang: 'ja', weight: 10 },
  { domain: 'adatum.jp', name: 'A. Datum', country: 'JP', m365: false, lang: 'ja', weight: 7 },
  { domain: 'proseware.co.jp', name: 'Proseware', country: 'JP', m365: true, lang: 'ja', weight: 6 },
  { domain: 'fourthcoffee.co.jp', name: 'Fourth Coffee', country: 'JP', m365: false, lang: 'ja', weight: 3 },
  { domain: 'wingtiptoys.jp', name: 'Wingtip Toys', country: 'JP', m365: true, lang: 'ja', weight: 5 },
  { domain: 'alpineskihouse.co.jp', name: 'Alpine Ski House', country: 'JP', m365: false, lang: 'ja', weight: 3 },
  { domain: 'treyresearch.co.jp', name: 'Trey Research', country: 'JP', m365: true, lang: 'ja', weight: 5 },
  { domain: 'margiestravel.jp', name: "Margie's Travel", country: 'JP', m365: false, lang: 'ja', weight: 2 },
  { domain: 'tailspintoys.com', name: 'Tailspin Toys', country: 'US', m365: true, lang: 'en', weight: 6 },
  { domain: 'northwindtraders.com', name: 'Northwind Traders', country: 'US', m365: false, lang: 'en', weight: 5 },
  { domain: 'woodgrovebank.com', name: 'Woodgrove Bank', country: 'US', m365: true, lang: 'en', weight: 4 },
  { domain: 'litware.com', name: 'Litware', country: 'US', m365: false, lang: 'en', weight: 3 },
  { domain: 'wideworldimporters.co.uk', name: 'Wide World Importers', country: 'GB', m365: false, lang: 'en', weight: 3 },
  { domain: 'blueyonderairlines.de', name: 'Blue Yonder Airlines', country: 'DE', m365: false, lang: 'en', weight: 2 },
  { domain: 'humongousinsurance.com.sg', name: 'Humongous Insurance', country: 'SG', m365: false, lang: 'en', weight: 2 },
  { domain: 'vanarsdel.com.cn', name: 'VanArsdel', country: 'CN', m365: false, lang: 'en', weight: 3 },
  { domain: 'relecloud.co.kr', name: 'Relecloud', country: 'KR', m365: false, lang: 'en', weight: 2 },
  { domain: 'southridgevideo.com.tw', name: 'Southridge Video', country: 'TW', m365: false, lang: 'en', weight: 2 },
] as const;

/** Consumer mail domains and their share of private correspondence. */
export const FREEMAIL = [
  { domain: 'gmail.com', weight: 10 },
  { domain: 'yahoo.co.jp', weight: 6 },
  { domain: 'outlook.com', weight: 4 },
  { domain: 'icloud.com', weight: 3 },
  { domain: 'hotmail.com', weight: 1 },
  { domain: 'yahoo.com', weight: 1 },
] as const;

/** Syllables for made-up company names of the long tail of correspondents and for spam domains. */
export const SYLLABLES = [
  'ka', 'ki', 'ku', 'ke', 'ko', 'sa', 'shi', 'su', 'se', 'so', 'ta', 'chi', 'tsu', 'te', 'to', 'na', 'ni', 'nu',
  'ne', 'no', 'ha', 'hi', 'fu', 'he', 'ho', 'ma', 'mi', 'mu', 'me', 'mo', 'ya', 'yu', 'yo', 'ra', 'ri', 'ru',
  're', 'ro', 'wa', 'ga', 'gi', 'go', 'za', 'zu', 'da', 'de', 'do', 'ba', 'bi', 'bo', 'pa', 'pi', 'po',
];
export const COMPANY_WORDS = [
  'tech', 'net', 'soft', 'sys', 'data', 'logi', 'trade', 'works', 'labs', 'link', 'media', 'plan', 'build',
  'food', 'med', 'auto', 'print', 'design', 'consult', 'energy', 'chem', 'metal', 'parts', 'office',
];
export const SPAM_WORDS = [
  'promo', 'deal', 'bonus', 'win', 'offer', 'cheap', 'shop', 'sale', 'prize', 'club', 'vip', 'cash',
  'crypto', 'loan', 'rx', 'pharm', 'mailer', 'news', 'alert', 'secure', 'verify', 'update',
];
