import type { SupportedLanguage } from '../nlu/languages';
import { fillTemplate } from '../nlu/templates';

type SizeOffer = 'offered' | 'notOffered';

/** The answer to "do you have it in size X?", read from the product's size chart. */
const SIZE_OFFER_TEXTS: Record<SupportedLanguage, Record<SizeOffer, string>> = {
  en: {
    offered: 'Yes, the {product} comes in size {size}.',
    notOffered: "Sorry, the {product} doesn't come in size {size}; its sizes are {sizes}.",
  },
  de: {
    offered: 'Ja, den Artikel {product} gibt es in Größe {size}.',
    notOffered: 'Leider gibt es den Artikel {product} nicht in Größe {size}; verfügbar sind {sizes}.',
  },
  fr: {
    offered: 'Oui, le modèle {product} existe en taille {size}.',
    notOffered:
      'Désolé, le modèle {product} n’existe pas en taille {size} ; les tailles disponibles sont {sizes}.',
  },
  es: {
    offered: 'Sí, el modelo {product} está disponible en la talla {size}.',
    notOffered:
      'Lo siento, el modelo {product} no está disponible en la talla {size}; sus tallas son {sizes}.',
  },
  it: {
    offered: 'Sì, il modello {product} è disponibile nella taglia {size}.',
    notOffered:
      'Mi dispiace, il modello {product} non è disponibile nella taglia {size}; le taglie sono {sizes}.',
  },
  pt: {
    offered: 'Sim, o modelo {product} está disponível no tamanho {size}.',
    notOffered:
      'Desculpe, o modelo {product} não está disponível no tamanho {size}; os tamanhos são {sizes}.',
  },
  nl: {
    offered: 'Ja, de {product} is er in maat {size}.',
    notOffered: 'Helaas is de {product} er niet in maat {size}; de maten zijn {sizes}.',
  },
  pl: {
    offered: 'Tak, model {product} jest dostępny w rozmiarze {size}.',
    notOffered:
      'Niestety model {product} nie jest dostępny w rozmiarze {size}; dostępne rozmiary to {sizes}.',
  },
  ru: {
    offered: 'Да, модель {product} есть в размере {size}.',
    notOffered: 'К сожалению, модели {product} нет в размере {size}; есть размеры {sizes}.',
  },
  tr: {
    offered: 'Evet, {product} modelinin {size} bedeni var.',
    notOffered: 'Maalesef {product} modelinin {size} bedeni yok; mevcut bedenler: {sizes}.',
  },
  ar: {
    offered: 'نعم، يتوفر {product} بمقاس {size}.',
    notOffered: 'عذرًا، لا يتوفر {product} بمقاس {size}؛ المقاسات المتوفرة هي {sizes}.',
  },
  zh: {
    offered: '有的，{product} 有 {size} 码。',
    notOffered: '抱歉，{product} 没有 {size} 码；现有尺码为 {sizes}。',
  },
  ja: {
    offered: 'はい、{product} には {size} サイズがあります。',
    notOffered: '申し訳ありません。{product} に {size} サイズはありません。サイズは {sizes} です。',
  },
  ko: {
    offered: '네, {product}은(는) {size} 사이즈가 있습니다.',
    notOffered: '죄송합니다. {product}은(는) {size} 사이즈가 없습니다. 사이즈는 {sizes}입니다.',
  },
  id: {
    offered: 'Ya, {product} tersedia dalam ukuran {size}.',
    notOffered: 'Maaf, {product} tidak tersedia dalam ukuran {size}; ukuran yang ada: {sizes}.',
  },
  vi: {
    offered: 'Có, {product} có cỡ {size}.',
    notOffered: 'Xin lỗi, {product} không có cỡ {size}; các cỡ hiện có là {sizes}.',
  },
  th: {
    offered: 'มีค่ะ {product} มีไซซ์ {size}',
    notOffered: 'ขออภัย {product} ไม่มีไซซ์ {size} ไซซ์ที่มีคือ {sizes}',
  },
};

export function fillSizeOffer(
  lang: SupportedLanguage,
  kind: SizeOffer,
  values: Record<string, string>,
): string {
  return fillTemplate(lang, SIZE_OFFER_TEXTS[lang][kind], values);
}
