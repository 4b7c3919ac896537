/**
 * Thanks and goodbyes in the supported languages. Both are smalltalk to the classifier, but answering
 * "thanks" with "Hello!" reads as if the assistant was not listening.
 */
const CLOSING =
  /(?<!\p{L})(?:thanks?|thank you|thx|ty|bye|goodbye|cheers|gracias|adi[oó]s|chao|merci|au revoir|danke|dank|tsch[üu]ss|auf wiedersehen|grazie|arrivederci|obrigad[oa]|valeu|tchau|bedankt|dank je|dankjewel|doei|dzi[eę]kuj[eę]|dzi[eę]ki|do widzenia|спасибо|благодарю|до свидания|пока|te[şs]ekk[üu]r\p{L}*|sa[ğg] ol\p{L}*|ho[şs][çc]a kal\p{L}*|g[öo]r[üu][şs][üu]r[üu]z|terima kasih|makasih|sampai jumpa|c[aả]m [oơ]n|t[aạ]m bi[eệ]t)(?!\p{L})|شكر|مع السلامة|谢谢|謝謝|多谢|感谢|再见|拜拜|ありがとう|さようなら|またね|감사|고마워|고맙|안녕히|수고하세요|ขอบคุณ|ขอบใจ|ลาก่อน/iu;

export function isThanksOrGoodbye(text: string): boolean {
  return CLOSING.test(text.normalize('NFKC'));
}
