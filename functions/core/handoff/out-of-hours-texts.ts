import type { SupportedLanguage } from '../nlu/languages';

/**
 * The first half of a reply that waits for a person when nobody can answer now: what was done, with no promise of when.
 * The second half is the desk's own closed notice (core/console/shopper-notices `closedUntil`), so the reply
 * and the queue notice name the same time in the same words.
 */
export interface OutOfHoursLeads {
  /** A person was asked to take over the chat. */
  asked: string;
  /** A case was opened and passed to its team. */
  caseOpened: string;
  /** A follow-up joined the case already open for the same problem. */
  caseJoined: string;
  /** The store had no answer to the question, and a person was asked. */
  unknown: string;
  /** A return was opened whose refund waits for a person's approval (tools/returns `needs_person`). */
  returnNeedsPerson: string;
  /** A cancellation waits for a person to confirm it (tools/orders `needs_person`). */
  cancelNeedsPerson: string;
}

export const OUT_OF_HOURS_LEADS: Record<SupportedLanguage, OutOfHoursLeads> = {
  en: {
    asked: "I've asked a person from our team to take over this chat.",
    caseOpened: "I'm sorry about that. I've opened case {claimId} and passed it to the team in charge.",
    caseJoined: "I've added this to your case {claimId}, which is already open for this problem.",
    unknown:
      "I don't know the answer to that, and I'd rather not guess. I've asked a person from our team to take over this chat.",
    returnNeedsPerson:
      "I've opened return {rmaId} for {item}. A refund of {amount} needs approval from a person on our team.",
    cancelNeedsPerson:
      'Order {orderId} has not shipped yet. Because of the amount ({amount}), a person from our team needs to confirm the cancellation.',
  },
  es: {
    asked: 'He pedido a una persona de nuestro equipo que se encargue de este chat.',
    caseOpened: 'Lo siento mucho. He abierto el caso {claimId} y lo he pasado al equipo responsable.',
    caseJoined: 'Lo he añadido a tu caso {claimId}, que ya está abierto por este problema.',
    unknown:
      'No sé la respuesta y prefiero no inventarla. He pedido a una persona de nuestro equipo que se encargue de este chat.',
    returnNeedsPerson:
      'He abierto la devolución {rmaId} para {item}. Un reembolso de {amount} necesita la aprobación de una persona de nuestro equipo.',
    cancelNeedsPerson:
      'El pedido {orderId} aún no se ha enviado. Por el importe ({amount}), una persona de nuestro equipo debe confirmar la cancelación.',
  },
  fr: {
    asked: 'J’ai demandé à une personne de notre équipe de reprendre cette conversation.',
    caseOpened: 'Je suis désolé. J’ai ouvert le dossier {claimId} et l’ai transmis à l’équipe concernée.',
    caseJoined: 'J’ai ajouté ceci à votre dossier {claimId}, déjà ouvert pour ce problème.',
    unknown:
      "Je ne connais pas la réponse et je préfère ne pas l'inventer. J’ai demandé à une personne de notre équipe de reprendre cette conversation.",
    returnNeedsPerson:
      "J'ai ouvert le retour {rmaId} pour {item}. Un remboursement de {amount} doit être validé par une personne de notre équipe.",
    cancelNeedsPerson:
      "La commande {orderId} n'est pas encore expédiée. Vu le montant ({amount}), une personne de notre équipe doit confirmer l'annulation.",
  },
  de: {
    asked: 'Ich habe einen Mitarbeiter aus unserem Team gebeten, diesen Chat zu übernehmen.',
    caseOpened:
      'Das tut mir leid. Ich habe den Fall {claimId} eröffnet und an das zuständige Team weitergegeben.',
    caseJoined: 'Ich habe das zu Ihrem bereits offenen Fall {claimId} hinzugefügt.',
    unknown:
      'Das weiß ich leider nicht, und ich möchte nichts erfinden. Ich habe einen Mitarbeiter aus unserem Team gebeten, diesen Chat zu übernehmen.',
    returnNeedsPerson:
      'Ich habe die Rücksendung {rmaId} für {item} eröffnet. Eine Erstattung von {amount} muss eine Person aus unserem Team freigeben.',
    cancelNeedsPerson:
      'Bestellung {orderId} ist noch nicht versandt. Wegen des Betrags ({amount}) muss eine Person aus unserem Team die Stornierung bestätigen.',
  },
  it: {
    asked: 'Ho chiesto a una persona del nostro team di prendere in carico questa chat.',
    caseOpened: 'Mi dispiace. Ho aperto la pratica {claimId} e l’ho passata al team competente.',
    caseJoined: 'L’ho aggiunto alla tua pratica {claimId}, già aperta per questo problema.',
    unknown:
      'Non conosco la risposta e preferisco non inventarla. Ho chiesto a una persona del nostro team di prendere in carico questa chat.',
    returnNeedsPerson:
      'Ho aperto il reso {rmaId} per {item}. Un rimborso di {amount} deve essere approvato da una persona del nostro team.',
    cancelNeedsPerson:
      'L’ordine {orderId} non è ancora stato spedito. Per l’importo ({amount}), l’annullamento deve essere confermato da una persona del nostro team.',
  },
  pt: {
    asked: 'Pedi a uma pessoa da nossa equipe que assuma esta conversa.',
    caseOpened: 'Sinto muito. Abri o caso {claimId} e passei para a equipe responsável.',
    caseJoined: 'Adicionei isto ao seu caso {claimId}, que já está aberto para este problema.',
    unknown:
      'Não sei a resposta e prefiro não inventar. Pedi a uma pessoa da nossa equipe que assuma esta conversa.',
    returnNeedsPerson:
      'Abri a devolução {rmaId} para {item}. Um reembolso de {amount} precisa da aprovação de uma pessoa da nossa equipe.',
    cancelNeedsPerson:
      'O pedido {orderId} ainda não foi enviado. Devido ao valor ({amount}), uma pessoa da nossa equipe precisa confirmar o cancelamento.',
  },
  nl: {
    asked: 'Ik heb iemand van ons team gevraagd dit gesprek over te nemen.',
    caseOpened: 'Dat spijt me. Ik heb zaak {claimId} geopend en doorgegeven aan het verantwoordelijke team.',
    caseJoined: 'Ik heb dit toegevoegd aan je zaak {claimId}, die al open staat voor dit probleem.',
    unknown:
      'Dat weet ik niet en ik wil niets verzinnen. Ik heb iemand van ons team gevraagd dit gesprek over te nemen.',
    returnNeedsPerson:
      'Ik heb retour {rmaId} geopend voor {item}. Een terugbetaling van {amount} moet door iemand van ons team worden goedgekeurd.',
    cancelNeedsPerson:
      'Bestelling {orderId} is nog niet verzonden. Vanwege het bedrag ({amount}) moet iemand van ons team de annulering bevestigen.',
  },
  pl: {
    asked: 'Poprosiłem osobę z naszego zespołu o przejęcie tej rozmowy.',
    caseOpened: 'Przykro mi. Otworzyłem sprawę {claimId} i przekazałem ją odpowiedniemu zespołowi.',
    caseJoined: 'Dodałem to do Twojej sprawy {claimId}, która jest już otwarta w tej kwestii.',
    unknown:
      'Nie znam odpowiedzi i wolę nie zgadywać. Poprosiłem osobę z naszego zespołu o przejęcie tej rozmowy.',
    returnNeedsPerson:
      'Otworzyłem zwrot {rmaId} dla {item}. Zwrot {amount} musi zatwierdzić osoba z naszego zespołu.',
    cancelNeedsPerson:
      'Zamówienie {orderId} nie zostało jeszcze wysłane. Ze względu na kwotę ({amount}) anulowanie musi potwierdzić osoba z naszego zespołu.',
  },
  ru: {
    asked: 'Я попросил сотрудника нашей команды подключиться к этому чату.',
    caseOpened: 'Мне очень жаль. Я открыл обращение {claimId} и передал его ответственной команде.',
    caseJoined: 'Я добавил это к вашему обращению {claimId}, которое уже открыто по этой проблеме.',
    unknown:
      'Я не знаю ответа и не хочу гадать. Я попросил сотрудника нашей команды подключиться к этому чату.',
    returnNeedsPerson:
      'Я оформил возврат {rmaId} для товара {item}. Возврат {amount} должен одобрить сотрудник нашей команды.',
    cancelNeedsPerson:
      'Заказ {orderId} ещё не отправлен. Из-за суммы ({amount}) отмену должен подтвердить сотрудник нашей команды.',
  },
  tr: {
    asked: 'Ekibimizden birinin bu sohbeti devralmasını istedim.',
    caseOpened: 'Bunun için üzgünüm. {claimId} numaralı kaydı açtım ve ilgili ekibe ilettim.',
    caseJoined: 'Bunu bu sorun için zaten açık olan {claimId} numaralı kaydınıza ekledim.',
    unknown:
      'Bunun cevabını bilmiyorum ve tahmin yürütmek istemem. Ekibimizden birinin bu sohbeti devralmasını istedim.',
    returnNeedsPerson:
      '{item} için {rmaId} iadesini açtım. {amount} tutarındaki iadeyi ekibimizden birinin onaylaması gerekiyor.',
    cancelNeedsPerson:
      '{orderId} numaralı sipariş henüz kargoya verilmedi. Tutar ({amount}) nedeniyle iptali ekibimizden birinin onaylaması gerekiyor.',
  },
  ar: {
    asked: 'طلبت من أحد أعضاء فريقنا أن يتولى هذه المحادثة.',
    caseOpened: 'نأسف لذلك. فتحت الحالة {claimId} وأحلتها إلى الفريق المسؤول.',
    caseJoined: 'أضفت هذا إلى حالتك {claimId} المفتوحة بالفعل لهذه المشكلة.',
    unknown: 'لا أعرف الإجابة وأفضل ألا أخمن. طلبت من أحد أعضاء فريقنا أن يتولى هذه المحادثة.',
    returnNeedsPerson:
      'فتحت طلب الإرجاع {rmaId} للمنتج {item}. استرداد مبلغ {amount} يحتاج إلى موافقة أحد أعضاء فريقنا.',
    cancelNeedsPerson:
      'لم يشحن الطلب {orderId} بعد. بسبب المبلغ ({amount})، يجب أن يؤكد أحد أعضاء فريقنا الإلغاء.',
  },
  zh: {
    asked: '我已请我们团队的工作人员接手这段对话。',
    caseOpened: '非常抱歉。我已创建工单 {claimId} 并转交给负责的团队。',
    caseJoined: '我已将此补充到您针对该问题已开启的工单 {claimId} 中。',
    unknown: '这个问题我不知道答案，也不想乱猜。我已请我们团队的工作人员接手这段对话。',
    returnNeedsPerson: '我已为 {item} 创建退货 {rmaId}。{amount} 的退款需要我们团队的工作人员审批。',
    cancelNeedsPerson: '订单 {orderId} 尚未发货。由于金额（{amount}）较大，取消需要我们团队的工作人员确认。',
  },
  ja: {
    asked: 'スタッフにこのチャットの対応を依頼しました。',
    caseOpened: 'ご迷惑をおかけして申し訳ありません。ケース {claimId} を作成し、担当チームに引き継ぎました。',
    caseJoined: 'この問題で既に開いているケース {claimId} に追加しました。',
    unknown: '申し訳ありませんが、その答えはわかりません。スタッフにこのチャットの対応を依頼しました。',
    returnNeedsPerson:
      '{item} について返品 {rmaId} を受け付けました。{amount} の返金には担当者の承認が必要です。',
    cancelNeedsPerson:
      'ご注文 {orderId} はまだ発送されていません。金額（{amount}）のため、キャンセルには担当者の確認が必要です。',
  },
  ko: {
    asked: '저희 팀 직원에게 이 채팅을 맡아 달라고 요청했어요.',
    caseOpened: '불편을 드려 죄송합니다. 케이스 {claimId}를 열고 담당 팀에 전달했어요.',
    caseJoined: '이 문제로 이미 열려 있는 케이스 {claimId}에 추가했어요.',
    unknown:
      '그 질문의 답은 모르겠고, 추측하고 싶지 않습니다. 저희 팀 직원에게 이 채팅을 맡아 달라고 요청했어요.',
    returnNeedsPerson:
      '{item}에 대해 반품 {rmaId}을(를) 접수했습니다. {amount} 환불은 저희 팀 담당자의 승인이 필요합니다.',
    cancelNeedsPerson:
      '주문 {orderId}은(는) 아직 발송되지 않았습니다. 금액({amount}) 때문에 취소하려면 저희 팀 담당자의 확인이 필요합니다.',
  },
  id: {
    asked: 'Saya sudah meminta anggota tim kami untuk mengambil alih chat ini.',
    caseOpened:
      'Mohon maaf atas hal ini. Saya sudah membuka kasus {claimId} dan meneruskannya ke tim yang bertanggung jawab.',
    caseJoined: 'Saya sudah menambahkan ini ke kasus {claimId} Anda yang sudah terbuka untuk masalah ini.',
    unknown:
      'Saya tidak tahu jawabannya dan tidak mau menebak. Saya sudah meminta anggota tim kami untuk mengambil alih chat ini.',
    returnNeedsPerson:
      'Saya sudah membuka retur {rmaId} untuk {item}. Pengembalian dana {amount} perlu disetujui oleh tim kami.',
    cancelNeedsPerson:
      'Pesanan {orderId} belum dikirim. Karena jumlahnya ({amount}), pembatalan perlu dikonfirmasi oleh tim kami.',
  },
  vi: {
    asked: 'Tôi đã nhờ một nhân viên của chúng tôi tiếp nhận cuộc trò chuyện này.',
    caseOpened: 'Rất xin lỗi về điều này. Tôi đã mở hồ sơ {claimId} và chuyển cho bộ phận phụ trách.',
    caseJoined: 'Tôi đã thêm nội dung này vào hồ sơ {claimId} đang mở cho vấn đề này.',
    unknown:
      'Tôi không biết câu trả lời và không muốn đoán. Tôi đã nhờ một nhân viên của chúng tôi tiếp nhận cuộc trò chuyện này.',
    returnNeedsPerson:
      'Tôi đã mở yêu cầu trả hàng {rmaId} cho {item}. Khoản hoàn {amount} cần nhân viên của chúng tôi phê duyệt.',
    cancelNeedsPerson:
      'Đơn {orderId} chưa được gửi đi. Vì số tiền ({amount}), việc hủy cần nhân viên của chúng tôi xác nhận.',
  },
  th: {
    asked: 'ได้ขอให้เจ้าหน้าที่ของเรามาดูแลแชทนี้แล้วค่ะ',
    caseOpened: 'ขออภัยด้วยค่ะ ได้เปิดเคส {claimId} และส่งต่อให้ทีมที่รับผิดชอบแล้ว',
    caseJoined: 'ได้เพิ่มเรื่องนี้ในเคส {claimId} ที่เปิดไว้แล้วสำหรับปัญหานี้ค่ะ',
    unknown: 'ไม่ทราบคำตอบเรื่องนี้และไม่อยากเดา ได้ขอให้เจ้าหน้าที่ของเรามาดูแลแชทนี้แล้วค่ะ',
    returnNeedsPerson: 'เปิดคำขอคืนสินค้า {rmaId} สำหรับ {item} แล้ว การคืนเงิน {amount} ต้องได้รับอนุมัติจากเจ้าหน้าที่ของเรา',
    cancelNeedsPerson:
      'คำสั่งซื้อ {orderId} ยังไม่ได้จัดส่ง เนื่องจากยอดเงิน ({amount}) การยกเลิกต้องได้รับการยืนยันจากเจ้าหน้าที่ของเรา',
  },
};
