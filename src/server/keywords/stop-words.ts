/** Words too common in mail subjects to say anything (English and Japanese). */

const ENGLISH = `a about after all also am an and any are as at be been before but by can could did do does for from
get got had has have he her his how i if in into is it its just me more my new no not now of on or our out over
please re fw fwd so some than that the their them then there these they this to up us was we were what when which
who will with would you your yours via per hi hello dear thanks thank regards`;

const JAPANESE = `の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この
ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず なり られる
において ば なかっ なく しかし について せ だっ できる それ う ので なお のみ でき き つ における および いう さらに
でも ら たり その他 に関する たち ます ん なら に対して 特に せる 及び これら とき では にて ほか ながら うち そして
とともに ただし かつて それぞれ または お ほど ものの に対する ほとんど と共に といった です とも ところ ここ
ご 様 さま 各位 お願い 致し いたし ください 下さい について の件 件 お知らせ 株式会社 御中`;

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...JAPANESE.split(/\s+/)].filter(Boolean));
