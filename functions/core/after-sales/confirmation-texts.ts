import type { SupportedLanguage } from '../nlu/languages';

/**
 * What the shopper reads when an irreversible action waits for their yes, in each language the desk
 * speaks. `{yes}` and `{no}` are filled from data/confirmation-words.json so the word asked for is a word
 * the reader accepts.
 */
export interface ConfirmationTexts {
  /** Cancelling an order and refunding it. */
  proposeCancel: string;
  /** A change of delivery address, handed to the team once confirmed. */
  proposeAddress: string;
  /** A change of an item's size or colour, handed to the team once confirmed. */
  proposeItem: string;
  /** The shopper said no: nothing changed. */
  declined: string;
  /** A yes that came after the proposal ran out: nothing changed, a fresh proposal follows. */
  expired: string;
}

export const CONFIRMATION_TEXTS: Record<SupportedLanguage, ConfirmationTexts> = {
  en: {
    proposeCancel:
      'Shall I cancel order {orderId} ({items}) and refund {amount}? Nothing has changed yet: reply "{yes}" to confirm or "{no}" to keep the order.',
    proposeAddress:
      'Shall I ask the team to change the delivery address of order {orderId} ({items})? Nothing has changed yet: reply "{yes}" to confirm or "{no}" to leave it as it is.',
    proposeItem:
      'Shall I ask the team to change {item} in order {orderId} to {to}? Nothing has changed yet: reply "{yes}" to confirm or "{no}" to leave it as it is.',
    declined: "All right, I haven't changed anything on order {orderId}.",
    expired: 'That request has expired, so nothing was changed.',
  },
  de: {
    proposeCancel:
      'Soll ich Bestellung {orderId} ({items}) stornieren und {amount} erstatten? Noch ist nichts geändert: Antworten Sie „{yes}“ zum Bestätigen oder „{no}“, um die Bestellung zu behalten.',
    proposeAddress:
      'Soll ich das Team bitten, die Lieferadresse von Bestellung {orderId} ({items}) zu ändern? Noch ist nichts geändert: Antworten Sie „{yes}“ zum Bestätigen oder „{no}“, um alles so zu lassen.',
    proposeItem:
      'Soll ich das Team bitten, {item} in Bestellung {orderId} auf {to} zu ändern? Noch ist nichts geändert: Antworten Sie „{yes}“ zum Bestätigen oder „{no}“, um alles so zu lassen.',
    declined: 'In Ordnung, an Bestellung {orderId} habe ich nichts geändert.',
    expired: 'Diese Anfrage ist abgelaufen, daher wurde nichts geändert.',
  },
  fr: {
    proposeCancel:
      'Dois-je annuler la commande {orderId} ({items}) et rembourser {amount} ? Rien n’a encore changé : répondez « {yes} » pour confirmer ou « {no} » pour garder la commande.',
    proposeAddress:
      'Dois-je demander à l’équipe de modifier l’adresse de livraison de la commande {orderId} ({items}) ? Rien n’a encore changé : répondez « {yes} » pour confirmer ou « {no} » pour ne rien changer.',
    proposeItem:
      'Dois-je demander à l’équipe de changer {item} de la commande {orderId} en {to} ? Rien n’a encore changé : répondez « {yes} » pour confirmer ou « {no} » pour ne rien changer.',
    declined: 'D’accord, je n’ai rien changé à la commande {orderId}.',
    expired: 'Cette demande a expiré, rien n’a donc été changé.',
  },
  es: {
    proposeCancel:
      '¿Cancelo el pedido {orderId} ({items}) y reembolso {amount}? Aún no ha cambiado nada: responde «{yes}» para confirmar o «{no}» para mantener el pedido.',
    proposeAddress:
      '¿Pido al equipo que cambie la dirección de entrega del pedido {orderId} ({items})? Aún no ha cambiado nada: responde «{yes}» para confirmar o «{no}» para dejarlo como está.',
    proposeItem:
      '¿Pido al equipo que cambie {item} del pedido {orderId} a {to}? Aún no ha cambiado nada: responde «{yes}» para confirmar o «{no}» para dejarlo como está.',
    declined: 'De acuerdo, no he cambiado nada en el pedido {orderId}.',
    expired: 'Esa solicitud ha caducado, así que no se ha cambiado nada.',
  },
  it: {
    proposeCancel:
      'Annullo l’ordine {orderId} ({items}) e rimborso {amount}? Non è ancora cambiato nulla: rispondi «{yes}» per confermare o «{no}» per tenere l’ordine.',
    proposeAddress:
      'Chiedo al team di cambiare l’indirizzo di consegna dell’ordine {orderId} ({items})? Non è ancora cambiato nulla: rispondi «{yes}» per confermare o «{no}» per lasciarlo com’è.',
    proposeItem:
      'Chiedo al team di cambiare {item} dell’ordine {orderId} in {to}? Non è ancora cambiato nulla: rispondi «{yes}» per confermare o «{no}» per lasciarlo com’è.',
    declined: 'Va bene, non ho cambiato nulla nell’ordine {orderId}.',
    expired: 'La richiesta è scaduta, quindi non è stato cambiato nulla.',
  },
  pt: {
    proposeCancel:
      'Cancelo o pedido {orderId} ({items}) e reembolso {amount}? Ainda não mudou nada: responda "{yes}" para confirmar ou "{no}" para manter o pedido.',
    proposeAddress:
      'Peço à equipe para alterar o endereço de entrega do pedido {orderId} ({items})? Ainda não mudou nada: responda "{yes}" para confirmar ou "{no}" para deixar como está.',
    proposeItem:
      'Peço à equipe para trocar {item} do pedido {orderId} para {to}? Ainda não mudou nada: responda "{yes}" para confirmar ou "{no}" para deixar como está.',
    declined: 'Tudo bem, não alterei nada no pedido {orderId}.',
    expired: 'Esse pedido expirou, por isso nada foi alterado.',
  },
  nl: {
    proposeCancel:
      'Zal ik bestelling {orderId} ({items}) annuleren en {amount} terugbetalen? Er is nog niets veranderd: antwoord "{yes}" om te bevestigen of "{no}" om de bestelling te houden.',
    proposeAddress:
      'Zal ik het team vragen het bezorgadres van bestelling {orderId} ({items}) te wijzigen? Er is nog niets veranderd: antwoord "{yes}" om te bevestigen of "{no}" om het zo te laten.',
    proposeItem:
      'Zal ik het team vragen {item} in bestelling {orderId} te wijzigen naar {to}? Er is nog niets veranderd: antwoord "{yes}" om te bevestigen of "{no}" om het zo te laten.',
    declined: 'Goed, ik heb niets veranderd aan bestelling {orderId}.',
    expired: 'Dat verzoek is verlopen, dus er is niets veranderd.',
  },
  pl: {
    proposeCancel:
      'Czy mam anulować zamówienie {orderId} ({items}) i zwrócić {amount}? Nic jeszcze nie zmieniono: odpowiedz „{yes}”, aby potwierdzić, lub „{no}”, aby zachować zamówienie.',
    proposeAddress:
      'Czy mam poprosić zespół o zmianę adresu dostawy zamówienia {orderId} ({items})? Nic jeszcze nie zmieniono: odpowiedz „{yes}”, aby potwierdzić, lub „{no}”, aby zostawić bez zmian.',
    proposeItem:
      'Czy mam poprosić zespół o zmianę {item} w zamówieniu {orderId} na {to}? Nic jeszcze nie zmieniono: odpowiedz „{yes}”, aby potwierdzić, lub „{no}”, aby zostawić bez zmian.',
    declined: 'Dobrze, niczego nie zmieniłem w zamówieniu {orderId}.',
    expired: 'Ta prośba wygasła, więc nic nie zostało zmienione.',
  },
  ru: {
    proposeCancel:
      'Отменить заказ {orderId} ({items}) и вернуть {amount}? Пока ничего не изменено: ответьте «{yes}», чтобы подтвердить, или «{no}», чтобы сохранить заказ.',
    proposeAddress:
      'Попросить команду изменить адрес доставки заказа {orderId} ({items})? Пока ничего не изменено: ответьте «{yes}», чтобы подтвердить, или «{no}», чтобы оставить как есть.',
    proposeItem:
      'Попросить команду заменить {item} в заказе {orderId} на {to}? Пока ничего не изменено: ответьте «{yes}», чтобы подтвердить, или «{no}», чтобы оставить как есть.',
    declined: 'Хорошо, я ничего не изменил в заказе {orderId}.',
    expired: 'Срок этого запроса истёк, поэтому ничего не изменено.',
  },
  tr: {
    proposeCancel:
      '{orderId} numaralı siparişi ({items}) iptal edip {amount} iade edeyim mi? Henüz hiçbir şey değişmedi: onaylamak için "{yes}", siparişi korumak için "{no}" yazın.',
    proposeAddress:
      'Ekipten {orderId} numaralı siparişin ({items}) teslimat adresini değiştirmesini isteyeyim mi? Henüz hiçbir şey değişmedi: onaylamak için "{yes}", olduğu gibi bırakmak için "{no}" yazın.',
    proposeItem:
      'Ekipten {orderId} numaralı siparişteki {item} ürününü {to} olarak değiştirmesini isteyeyim mi? Henüz hiçbir şey değişmedi: onaylamak için "{yes}", olduğu gibi bırakmak için "{no}" yazın.',
    declined: 'Tamam, {orderId} numaralı siparişte hiçbir şeyi değiştirmedim.',
    expired: 'Bu talebin süresi doldu, bu yüzden hiçbir şey değiştirilmedi.',
  },
  ar: {
    proposeCancel:
      'هل أُلغي الطلب {orderId} ({items}) وأسترد {amount}؟ لم يتغير شيء بعد: أجب "{yes}" للتأكيد أو "{no}" للإبقاء على الطلب.',
    proposeAddress:
      'هل أطلب من الفريق تغيير عنوان التوصيل للطلب {orderId} ({items})؟ لم يتغير شيء بعد: أجب "{yes}" للتأكيد أو "{no}" لتركه كما هو.',
    proposeItem:
      'هل أطلب من الفريق تغيير {item} في الطلب {orderId} إلى {to}؟ لم يتغير شيء بعد: أجب "{yes}" للتأكيد أو "{no}" لتركه كما هو.',
    declined: 'حسنًا، لم أغيّر شيئًا في الطلب {orderId}.',
    expired: 'انتهت صلاحية هذا الطلب، لذلك لم يتغير شيء.',
  },
  zh: {
    proposeCancel:
      '要取消订单 {orderId}（{items}）并退款 {amount} 吗？目前尚未做任何更改：回复“{yes}”确认，或回复“{no}”保留订单。',
    proposeAddress:
      '要请团队修改订单 {orderId}（{items}）的收货地址吗？目前尚未做任何更改：回复“{yes}”确认，或回复“{no}”保持不变。',
    proposeItem:
      '要请团队把订单 {orderId} 中的 {item} 改为 {to} 吗？目前尚未做任何更改：回复“{yes}”确认，或回复“{no}”保持不变。',
    declined: '好的，订单 {orderId} 没有做任何更改。',
    expired: '该请求已过期，因此没有做任何更改。',
  },
  ja: {
    proposeCancel:
      '注文 {orderId}（{items}）をキャンセルして {amount} を返金しますか？まだ何も変更していません。確定するには「{yes}」、注文をそのままにするには「{no}」とお答えください。',
    proposeAddress:
      '注文 {orderId}（{items}）のお届け先住所の変更をチームに依頼しますか？まだ何も変更していません。確定するには「{yes}」、そのままにするには「{no}」とお答えください。',
    proposeItem:
      '注文 {orderId} の {item} を {to} に変更するようチームに依頼しますか？まだ何も変更していません。確定するには「{yes}」、そのままにするには「{no}」とお答えください。',
    declined: '承知しました。注文 {orderId} は何も変更していません。',
    expired: 'このご依頼は期限切れのため、何も変更されていません。',
  },
  ko: {
    proposeCancel:
      '주문 {orderId}({items})을(를) 취소하고 {amount}을(를) 환불할까요? 아직 아무것도 변경되지 않았습니다. 확인하시려면 "{yes}", 주문을 유지하시려면 "{no}"라고 답해 주세요.',
    proposeAddress:
      '주문 {orderId}({items})의 배송 주소 변경을 팀에 요청할까요? 아직 아무것도 변경되지 않았습니다. 확인하시려면 "{yes}", 그대로 두시려면 "{no}"라고 답해 주세요.',
    proposeItem:
      '주문 {orderId}의 {item}을(를) {to}(으)로 변경하도록 팀에 요청할까요? 아직 아무것도 변경되지 않았습니다. 확인하시려면 "{yes}", 그대로 두시려면 "{no}"라고 답해 주세요.',
    declined: '알겠습니다. 주문 {orderId}은(는) 아무것도 변경하지 않았습니다.',
    expired: '요청 기한이 지나 아무것도 변경되지 않았습니다.',
  },
  id: {
    proposeCancel:
      'Apakah saya batalkan pesanan {orderId} ({items}) dan kembalikan dana {amount}? Belum ada yang diubah: balas "{yes}" untuk mengonfirmasi atau "{no}" untuk tetap mempertahankan pesanan.',
    proposeAddress:
      'Apakah saya minta tim mengubah alamat pengiriman pesanan {orderId} ({items})? Belum ada yang diubah: balas "{yes}" untuk mengonfirmasi atau "{no}" untuk membiarkannya.',
    proposeItem:
      'Apakah saya minta tim mengganti {item} di pesanan {orderId} menjadi {to}? Belum ada yang diubah: balas "{yes}" untuk mengonfirmasi atau "{no}" untuk membiarkannya.',
    declined: 'Baik, saya tidak mengubah apa pun pada pesanan {orderId}.',
    expired: 'Permintaan itu sudah kedaluwarsa, jadi tidak ada yang diubah.',
  },
  th: {
    proposeCancel:
      'ต้องการให้ยกเลิกคำสั่งซื้อ {orderId} ({items}) และคืนเงิน {amount} ใช่ไหม ยังไม่มีการเปลี่ยนแปลงใด ๆ ตอบ "{yes}" เพื่อยืนยัน หรือ "{no}" เพื่อเก็บคำสั่งซื้อไว้',
    proposeAddress:
      'ต้องการให้ทีมเปลี่ยนที่อยู่จัดส่งของคำสั่งซื้อ {orderId} ({items}) ใช่ไหม ยังไม่มีการเปลี่ยนแปลงใด ๆ ตอบ "{yes}" เพื่อยืนยัน หรือ "{no}" เพื่อคงไว้ตามเดิม',
    proposeItem:
      'ต้องการให้ทีมเปลี่ยน {item} ในคำสั่งซื้อ {orderId} เป็น {to} ใช่ไหม ยังไม่มีการเปลี่ยนแปลงใด ๆ ตอบ "{yes}" เพื่อยืนยัน หรือ "{no}" เพื่อคงไว้ตามเดิม',
    declined: 'ได้เลย ไม่มีการเปลี่ยนแปลงใด ๆ กับคำสั่งซื้อ {orderId}',
    expired: 'คำขอนั้นหมดอายุแล้ว จึงไม่มีการเปลี่ยนแปลงใด ๆ',
  },
  vi: {
    proposeCancel:
      'Tôi có nên hủy đơn hàng {orderId} ({items}) và hoàn {amount} không? Chưa có gì thay đổi: trả lời "{yes}" để xác nhận hoặc "{no}" để giữ đơn hàng.',
    proposeAddress:
      'Tôi có nên nhờ đội ngũ đổi địa chỉ giao hàng của đơn {orderId} ({items}) không? Chưa có gì thay đổi: trả lời "{yes}" để xác nhận hoặc "{no}" để giữ nguyên.',
    proposeItem:
      'Tôi có nên nhờ đội ngũ đổi {item} trong đơn {orderId} sang {to} không? Chưa có gì thay đổi: trả lời "{yes}" để xác nhận hoặc "{no}" để giữ nguyên.',
    declined: 'Được rồi, tôi không thay đổi gì ở đơn hàng {orderId}.',
    expired: 'Yêu cầu đó đã hết hạn nên không có gì thay đổi.',
  },
};
