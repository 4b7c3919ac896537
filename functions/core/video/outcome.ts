import { decideReturn, type ReturnReason, type StorePolicy } from '../after-sales/policy';
import type { SupportedLanguage } from '../nlu/languages';
import type { Order } from '../orders';
import type { VideoOutcome } from './session';

/**
 * The agent's verdict goes through the same policy code as the assistant's tools: a return, refund or
 * replacement is checked against the order and the store's rules (window, final sale, refund limit), so a
 * call never grants what the policy would not. The agent is the person a large refund needs.
 */
export type OutcomeDecision =
  | { decision: 'recorded' }
  | { decision: 'eligible'; refundMinor?: number; currency?: string; exchangeAllowed: boolean }
  | { decision: 'not_eligible'; reason: string }
  | { decision: 'needs_order' };

/** What the agent saw decides the reason: a wrong item is the seller's mistake, as is damage. */
const REASON_OF: Record<Exclude<VideoOutcome, 'verified'>, ReturnReason> = {
  refused_on_delivery: 'wrong_item',
  return: 'damaged',
  replacement: 'damaged',
  refund: 'damaged',
};

export function decideVideoOutcome(
  outcome: VideoOutcome,
  context: { order?: Order; sku?: string; policy: StorePolicy; now: Date },
): OutcomeDecision {
  if (outcome === 'verified') return { decision: 'recorded' };
  const { order, policy, now } = context;
  const sku = context.sku ?? order?.items[0]?.sku;
  if (!order || !sku) return { decision: 'needs_order' };
  if (
    outcome === 'refused_on_delivery' &&
    order.status !== 'delivered' &&
    order.shipment?.status !== 'delivered'
  )
    // Refused at the door: the parcel goes back with the carrier, no return window applies.
    return { decision: 'recorded' };
  const decided = decideReturn(order, { sku, reason: REASON_OF[outcome] }, now, policy);
  if (decided.outcome === 'not_eligible') return { decision: 'not_eligible', reason: decided.reason };
  if (outcome === 'replacement' && !decided.exchangeAllowed)
    return { decision: 'not_eligible', reason: 'exchange_not_allowed' };
  return outcome === 'replacement'
    ? { decision: 'eligible', exchangeAllowed: true }
    : {
        decision: 'eligible',
        refundMinor: decided.refund.amount.minor,
        currency: decided.refund.amount.currency,
        exchangeAllowed: decided.exchangeAllowed,
      };
}

export const describeDecision = (d: OutcomeDecision): string =>
  d.decision === 'not_eligible' ? `not_eligible:${d.reason}` : d.decision;

type Texts = Record<VideoOutcome | 'pending', string>;

/** What the shopper reads after the call, in their language; `pending` when the policy said no or needs more. */
export const OUTCOME_TEXT: Readonly<Record<SupportedLanguage, Texts>> = {
  en: {
    verified: 'Thank you for the call: we checked the item together and it is as it should be.',
    refused_on_delivery: 'Thank you: you can refuse the parcel on delivery and it will come back to us.',
    return: 'Thank you for the call: your return is approved. We will send the return instructions here.',
    replacement: 'Thank you for the call: we will send you a replacement.',
    refund: 'Thank you for the call: your refund is approved.',
    pending: 'Thank you for the call. A person will confirm the next step here shortly.',
  },
  es: {
    verified: 'Gracias por la llamada: revisamos el artículo juntos y está como debe.',
    refused_on_delivery: 'Gracias: puede rechazar el paquete en la entrega y nos será devuelto.',
    return: 'Gracias por la llamada: su devolución está aprobada. Le enviaremos las instrucciones aquí.',
    replacement: 'Gracias por la llamada: le enviaremos un reemplazo.',
    refund: 'Gracias por la llamada: su reembolso está aprobado.',
    pending: 'Gracias por la llamada. Una persona confirmará el siguiente paso aquí en breve.',
  },
  fr: {
    verified: "Merci pour l'appel : nous avons vérifié l'article ensemble et il est conforme.",
    refused_on_delivery: 'Merci : vous pouvez refuser le colis à la livraison, il nous sera retourné.',
    return: "Merci pour l'appel : votre retour est accepté. Nous vous enverrons les instructions ici.",
    replacement: "Merci pour l'appel : nous vous enverrons un article de remplacement.",
    refund: "Merci pour l'appel : votre remboursement est accepté.",
    pending: "Merci pour l'appel. Une personne confirmera la suite ici très bientôt.",
  },
  de: {
    verified: 'Danke für den Anruf: Wir haben den Artikel gemeinsam geprüft, er ist in Ordnung.',
    refused_on_delivery: 'Danke: Sie können die Annahme des Pakets verweigern, es kommt dann zu uns zurück.',
    return: 'Danke für den Anruf: Ihre Rücksendung ist genehmigt. Die Anleitung folgt hier.',
    replacement: 'Danke für den Anruf: Wir schicken Ihnen einen Ersatz.',
    refund: 'Danke für den Anruf: Ihre Erstattung ist genehmigt.',
    pending: 'Danke für den Anruf. Eine Person bestätigt den nächsten Schritt hier in Kürze.',
  },
  it: {
    verified: "Grazie per la chiamata: abbiamo controllato l'articolo insieme ed è conforme.",
    refused_on_delivery: 'Grazie: può rifiutare il pacco alla consegna e tornerà da noi.',
    return: 'Grazie per la chiamata: il reso è approvato. Le invieremo qui le istruzioni.',
    replacement: 'Grazie per la chiamata: le invieremo un articolo sostitutivo.',
    refund: 'Grazie per la chiamata: il rimborso è approvato.',
    pending: 'Grazie per la chiamata. Una persona confermerà qui il prossimo passo a breve.',
  },
  pt: {
    verified: 'Obrigado pela chamada: verificamos o artigo juntos e está conforme.',
    refused_on_delivery: 'Obrigado: pode recusar a encomenda na entrega e ela voltará para nós.',
    return: 'Obrigado pela chamada: a sua devolução foi aprovada. Enviaremos as instruções aqui.',
    replacement: 'Obrigado pela chamada: vamos enviar-lhe uma substituição.',
    refund: 'Obrigado pela chamada: o seu reembolso foi aprovado.',
    pending: 'Obrigado pela chamada. Uma pessoa confirmará o próximo passo aqui em breve.',
  },
  nl: {
    verified: 'Bedankt voor het gesprek: we hebben het artikel samen bekeken en het is in orde.',
    refused_on_delivery: 'Bedankt: u kunt het pakket bij de bezorging weigeren, dan komt het bij ons terug.',
    return: 'Bedankt voor het gesprek: uw retour is goedgekeurd. De instructies volgen hier.',
    replacement: 'Bedankt voor het gesprek: we sturen u een vervangend artikel.',
    refund: 'Bedankt voor het gesprek: uw terugbetaling is goedgekeurd.',
    pending: 'Bedankt voor het gesprek. Iemand bevestigt hier binnenkort de volgende stap.',
  },
  pl: {
    verified: 'Dziękujemy za rozmowę: sprawdziliśmy razem produkt i jest w porządku.',
    refused_on_delivery: 'Dziękujemy: może Pan/Pani odmówić przyjęcia paczki, wróci ona do nas.',
    return: 'Dziękujemy za rozmowę: zwrot został zatwierdzony. Instrukcje wyślemy tutaj.',
    replacement: 'Dziękujemy za rozmowę: wyślemy produkt zastępczy.',
    refund: 'Dziękujemy za rozmowę: zwrot pieniędzy został zatwierdzony.',
    pending: 'Dziękujemy za rozmowę. Wkrótce ktoś potwierdzi tutaj kolejny krok.',
  },
  ru: {
    verified: 'Спасибо за звонок: мы вместе проверили товар, с ним всё в порядке.',
    refused_on_delivery: 'Спасибо: вы можете отказаться от посылки при доставке, и она вернётся к нам.',
    return: 'Спасибо за звонок: возврат одобрен. Инструкции мы пришлём сюда.',
    replacement: 'Спасибо за звонок: мы отправим вам замену.',
    refund: 'Спасибо за звонок: возврат денег одобрен.',
    pending: 'Спасибо за звонок. Скоро сотрудник подтвердит здесь следующий шаг.',
  },
  tr: {
    verified: 'Görüşme için teşekkürler: ürünü birlikte kontrol ettik, sorun yok.',
    refused_on_delivery: 'Teşekkürler: paketi teslimatta reddedebilirsiniz, bize geri gelecektir.',
    return: 'Görüşme için teşekkürler: iadeniz onaylandı. Talimatları buradan göndereceğiz.',
    replacement: 'Görüşme için teşekkürler: size yenisini göndereceğiz.',
    refund: 'Görüşme için teşekkürler: para iadeniz onaylandı.',
    pending: 'Görüşme için teşekkürler. Bir kişi kısa süre içinde sonraki adımı burada onaylayacak.',
  },
  ar: {
    verified: 'شكرًا على المكالمة: فحصنا المنتج معًا وهو سليم.',
    refused_on_delivery: 'شكرًا: يمكنك رفض الطرد عند التسليم وسيعود إلينا.',
    return: 'شكرًا على المكالمة: تمت الموافقة على الإرجاع. سنرسل التعليمات هنا.',
    replacement: 'شكرًا على المكالمة: سنرسل لك بديلًا.',
    refund: 'شكرًا على المكالمة: تمت الموافقة على استرداد المبلغ.',
    pending: 'شكرًا على المكالمة. سيؤكد أحد أعضاء الفريق الخطوة التالية هنا قريبًا.',
  },
  zh: {
    verified: '感谢您的视频通话：我们一起检查了商品，商品没有问题。',
    refused_on_delivery: '谢谢：您可以在送货时拒收包裹，包裹会退回给我们。',
    return: '感谢您的视频通话：您的退货已获批准，我们会在这里发送退货说明。',
    replacement: '感谢您的视频通话：我们将为您寄送替换商品。',
    refund: '感谢您的视频通话：您的退款已获批准。',
    pending: '感谢您的视频通话。工作人员稍后会在这里确认下一步。',
  },
  ja: {
    verified: 'ビデオ通話ありがとうございました。一緒に商品を確認し、問題はありませんでした。',
    refused_on_delivery: 'ありがとうございます。配達時に受け取りを拒否していただければ、当店に返送されます。',
    return: 'ビデオ通話ありがとうございました。返品を承認しました。手順はこちらでお送りします。',
    replacement: 'ビデオ通話ありがとうございました。交換品をお送りします。',
    refund: 'ビデオ通話ありがとうございました。返金を承認しました。',
    pending: 'ビデオ通話ありがとうございました。まもなく担当者が次の手順をこちらでご連絡します。',
  },
  ko: {
    verified: '영상 통화 감사합니다. 함께 상품을 확인했으며 이상이 없습니다.',
    refused_on_delivery: '감사합니다. 배송 시 수령을 거부하시면 저희에게 반송됩니다.',
    return: '영상 통화 감사합니다. 반품이 승인되었습니다. 안내는 여기로 보내 드리겠습니다.',
    replacement: '영상 통화 감사합니다. 교환 상품을 보내 드리겠습니다.',
    refund: '영상 통화 감사합니다. 환불이 승인되었습니다.',
    pending: '영상 통화 감사합니다. 곧 담당자가 다음 단계를 여기에서 확인해 드립니다.',
  },
  id: {
    verified: 'Terima kasih atas panggilannya: kami sudah memeriksa barang bersama dan barang sesuai.',
    refused_on_delivery:
      'Terima kasih: Anda dapat menolak paket saat pengiriman dan paket akan kembali ke kami.',
    return:
      'Terima kasih atas panggilannya: pengembalian Anda disetujui. Petunjuknya akan kami kirim di sini.',
    replacement: 'Terima kasih atas panggilannya: kami akan mengirimkan barang pengganti.',
    refund: 'Terima kasih atas panggilannya: pengembalian dana Anda disetujui.',
    pending:
      'Terima kasih atas panggilannya. Petugas kami akan segera mengonfirmasi langkah berikutnya di sini.',
  },
  vi: {
    verified: 'Cảm ơn bạn đã gọi video: chúng tôi đã cùng kiểm tra sản phẩm và sản phẩm không có vấn đề.',
    refused_on_delivery:
      'Cảm ơn bạn: bạn có thể từ chối nhận kiện hàng khi giao, hàng sẽ được gửi lại cho chúng tôi.',
    return: 'Cảm ơn bạn đã gọi video: yêu cầu trả hàng đã được chấp thuận. Hướng dẫn sẽ được gửi tại đây.',
    replacement: 'Cảm ơn bạn đã gọi video: chúng tôi sẽ gửi sản phẩm thay thế cho bạn.',
    refund: 'Cảm ơn bạn đã gọi video: yêu cầu hoàn tiền đã được chấp thuận.',
    pending: 'Cảm ơn bạn đã gọi video. Nhân viên sẽ sớm xác nhận bước tiếp theo tại đây.',
  },
  th: {
    verified: 'ขอบคุณสำหรับวิดีโอคอล เราตรวจสอบสินค้าด้วยกันแล้ว สินค้าไม่มีปัญหา',
    refused_on_delivery: 'ขอบคุณค่ะ คุณสามารถปฏิเสธการรับพัสดุตอนจัดส่งได้ และพัสดุจะถูกส่งกลับมาที่เรา',
    return: 'ขอบคุณสำหรับวิดีโอคอล การคืนสินค้าได้รับการอนุมัติแล้ว เราจะส่งขั้นตอนให้ที่นี่',
    replacement: 'ขอบคุณสำหรับวิดีโอคอล เราจะส่งสินค้าทดแทนให้คุณ',
    refund: 'ขอบคุณสำหรับวิดีโอคอล การคืนเงินได้รับการอนุมัติแล้ว',
    pending: 'ขอบคุณสำหรับวิดีโอคอล เจ้าหน้าที่จะยืนยันขั้นตอนถัดไปที่นี่เร็วๆ นี้',
  },
};

export function outcomeText(
  lang: SupportedLanguage,
  outcome: VideoOutcome,
  decision: OutcomeDecision,
): string {
  const texts = OUTCOME_TEXT[lang];
  const granted = decision.decision === 'recorded' || decision.decision === 'eligible';
  return granted ? texts[outcome] : texts.pending;
}
