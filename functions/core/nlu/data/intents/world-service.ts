import { serviceExamples } from './en-service';
import type { IntentExamples } from './types';

/**
 * Polite customer-service phrasing for the other languages, written by the team like en-service.ts but
 * shorter: the commonest service requests in a few frames each.
 */

export const NL_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'mijn bestelling volgen',
        'weten waar mijn pakket is',
        'weten wanneer mijn bestelling aankomt',
      ],
    },
    cancel_order: { actions: ['mijn bestelling annuleren', 'bestelling {{Order Number}} annuleren'] },
    change_order: { actions: ['het afleveradres van mijn bestelling wijzigen', 'mijn bestelling aanpassen'] },
    return_request: {
      actions: ['een artikel retourneren', 'mijn geld terugkrijgen', 'een terugbetaling aanvragen'],
    },
    refund_status: {
      actions: ['de status van mijn terugbetaling bekijken', 'weten wanneer ik mijn terugbetaling krijg'],
    },
    policy_question: {
      actions: ['de annuleringskosten weten', 'het retourbeleid lezen', 'de verzendopties bekijken'],
    },
    payment_issue: { actions: ['een betalingsprobleem oplossen', 'een dubbele afschrijving melden'] },
    account: {
      actions: [
        'een account aanmaken',
        'mijn account verwijderen',
        'mijn wachtwoord herstellen',
        'mijn accountgegevens wijzigen',
      ],
    },
    human_agent: { actions: ['met een medewerker praten', 'de klantenservice bereiken'] },
    complaint: { actions: ['een klacht indienen', 'klagen over de service'] },
  },
  [
    'ik wil graag {}',
    'kunt u mij helpen {}?',
    'hoe kan ik {}?',
    'ik heb hulp nodig om {}',
    'waar kan ik {}?',
  ],
  [],
  2,
);

export const PL_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'śledzić moje zamówienie',
        'sprawdzić, gdzie jest moja paczka',
        'dowiedzieć się, kiedy dotrze zamówienie',
      ],
    },
    cancel_order: { actions: ['anulować moje zamówienie', 'anulować zamówienie {{Order Number}}'] },
    change_order: { actions: ['zmienić adres dostawy zamówienia', 'zmienić moje zamówienie'] },
    return_request: { actions: ['zwrócić produkt', 'odzyskać pieniądze', 'poprosić o zwrot pieniędzy'] },
    refund_status: { actions: ['sprawdzić status zwrotu pieniędzy', 'dowiedzieć się, kiedy dostanę zwrot'] },
    policy_question: {
      actions: ['poznać opłatę za anulowanie', 'przeczytać zasady zwrotów', 'zobaczyć opcje dostawy'],
    },
    payment_issue: { actions: ['rozwiązać problem z płatnością', 'zgłosić podwójne obciążenie'] },
    account: { actions: ['założyć konto', 'usunąć moje konto', 'odzyskać hasło', 'zmienić dane konta'] },
    human_agent: { actions: ['porozmawiać z konsultantem', 'skontaktować się z obsługą klienta'] },
    complaint: { actions: ['złożyć reklamację', 'złożyć skargę na obsługę'] },
  },
  ['chciałbym {}', 'czy możecie mi pomóc {}?', 'jak mogę {}?', 'potrzebuję pomocy, żeby {}', 'chcę {}'],
  [],
  2,
);

export const RU_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: ['отследить мой заказ', 'узнать, где моя посылка', 'узнать, когда придёт заказ'],
    },
    cancel_order: { actions: ['отменить мой заказ', 'отменить заказ {{Order Number}}'] },
    change_order: { actions: ['изменить адрес доставки заказа', 'изменить мой заказ'] },
    return_request: { actions: ['вернуть товар', 'вернуть деньги за покупку', 'оформить возврат денег'] },
    refund_status: { actions: ['проверить статус возврата денег', 'узнать, когда мне вернут деньги'] },
    policy_question: {
      actions: ['узнать плату за отмену', 'прочитать правила возврата', 'узнать варианты доставки'],
    },
    payment_issue: { actions: ['решить проблему с оплатой', 'сообщить о двойном списании'] },
    account: {
      actions: ['создать аккаунт', 'удалить мой аккаунт', 'восстановить пароль', 'изменить данные аккаунта'],
    },
    human_agent: { actions: ['поговорить с оператором', 'связаться со службой поддержки'] },
    complaint: { actions: ['подать жалобу', 'пожаловаться на обслуживание'] },
  },
  [
    'я хочу {}',
    'помогите мне {}, пожалуйста',
    'как мне {}?',
    'мне нужна помощь, чтобы {}',
    'подскажите, как {}',
  ],
  [],
  2,
);

export const TR_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: [
        'siparişimi takip etmek',
        'kargomun nerede olduğunu öğrenmek',
        'siparişimin ne zaman geleceğini öğrenmek',
      ],
    },
    cancel_order: { actions: ['siparişimi iptal etmek', '{{Order Number}} numaralı siparişi iptal etmek'] },
    change_order: { actions: ['siparişimin teslimat adresini değiştirmek', 'siparişimi değiştirmek'] },
    return_request: { actions: ['bir ürünü iade etmek', 'paramı geri almak', 'para iadesi talep etmek'] },
    refund_status: {
      actions: ['para iademin durumunu kontrol etmek', 'iademin ne zaman yatacağını öğrenmek'],
    },
    policy_question: {
      actions: ['iptal ücretini öğrenmek', 'iade politikasını okumak', 'kargo seçeneklerini görmek'],
    },
    payment_issue: { actions: ['ödeme sorununu çözmek', 'iki kez çekilen ücreti bildirmek'] },
    account: {
      actions: ['hesap oluşturmak', 'hesabımı silmek', 'şifremi sıfırlamak', 'hesap bilgilerimi değiştirmek'],
    },
    human_agent: { actions: ['bir temsilciyle konuşmak', 'müşteri hizmetlerine ulaşmak'] },
    complaint: { actions: ['şikayette bulunmak', 'hizmetten şikayet etmek'] },
  },
  ['{} istiyorum', '{} için yardıma ihtiyacım var', 'nasıl {} mümkün?', '{} için ne yapmalıyım?'],
  [],
  2,
);

export const ID_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: ['melacak pesanan saya', 'tahu di mana paket saya', 'tahu kapan pesanan saya sampai'],
    },
    cancel_order: { actions: ['membatalkan pesanan saya', 'membatalkan pesanan {{Order Number}}'] },
    change_order: { actions: ['mengubah alamat pengiriman pesanan saya', 'mengubah pesanan saya'] },
    return_request: {
      actions: ['mengembalikan barang', 'mendapatkan uang saya kembali', 'mengajukan pengembalian dana'],
    },
    refund_status: { actions: ['cek status pengembalian dana saya', 'tahu kapan dana saya dikembalikan'] },
    policy_question: {
      actions: ['tahu biaya pembatalan', 'membaca kebijakan pengembalian', 'melihat pilihan pengiriman'],
    },
    payment_issue: { actions: ['mengatasi masalah pembayaran', 'melaporkan tagihan ganda'] },
    account: {
      actions: ['membuat akun', 'menghapus akun saya', 'memulihkan kata sandi', 'mengubah data akun saya'],
    },
    human_agent: { actions: ['bicara dengan petugas', 'menghubungi layanan pelanggan'] },
    complaint: { actions: ['mengajukan keluhan', 'mengeluh tentang layanan'] },
  },
  [
    'saya ingin {}',
    'bisa bantu saya {}?',
    'bagaimana cara {}?',
    'saya butuh bantuan untuk {}',
    'tolong bantu {}',
  ],
  [],
  2,
);

export const VI_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: ['theo dõi đơn hàng của tôi', 'biết gói hàng của tôi đang ở đâu', 'biết khi nào đơn hàng đến'],
    },
    cancel_order: { actions: ['hủy đơn hàng của tôi', 'hủy đơn hàng {{Order Number}}'] },
    change_order: { actions: ['đổi địa chỉ giao hàng của đơn', 'thay đổi đơn hàng của tôi'] },
    return_request: { actions: ['trả lại sản phẩm', 'lấy lại tiền', 'yêu cầu hoàn tiền'] },
    refund_status: { actions: ['kiểm tra tình trạng hoàn tiền', 'biết khi nào tôi nhận được tiền hoàn'] },
    policy_question: {
      actions: ['biết phí hủy đơn', 'xem chính sách đổi trả', 'xem các lựa chọn giao hàng'],
    },
    payment_issue: { actions: ['giải quyết vấn đề thanh toán', 'báo bị trừ tiền hai lần'] },
    account: {
      actions: ['tạo tài khoản', 'xóa tài khoản của tôi', 'lấy lại mật khẩu', 'thay đổi thông tin tài khoản'],
    },
    human_agent: { actions: ['nói chuyện với nhân viên', 'liên hệ bộ phận chăm sóc khách hàng'] },
    complaint: { actions: ['gửi khiếu nại', 'phàn nàn về dịch vụ'] },
  },
  ['tôi muốn {}', 'bạn có thể giúp tôi {} không?', 'làm sao để {}?', 'tôi cần giúp đỡ để {}'],
  [],
  2,
);

export const ZH_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: { actions: ['查询我的订单物流', '知道我的包裹在哪里', '知道订单什么时候到'] },
    cancel_order: { actions: ['取消我的订单', '取消订单{{Order Number}}'] },
    change_order: { actions: ['修改订单的收货地址', '修改我的订单'] },
    return_request: { actions: ['退货', '申请退款', '把钱退回来'] },
    refund_status: { actions: ['查询退款进度', '知道退款什么时候到账'] },
    policy_question: { actions: ['了解取消订单的费用', '了解退货政策', '了解配送方式'] },
    payment_issue: { actions: ['解决付款问题', '反映被重复扣款'] },
    account: { actions: ['注册账号', '注销我的账号', '找回密码', '修改账号信息'] },
    human_agent: { actions: ['联系人工客服', '和客服人员说话'] },
    complaint: { actions: ['投诉', '投诉你们的服务'] },
  },
  ['我想{}', '请帮我{}', '怎么{}？', '我需要{}', '麻烦帮我{}'],
  [],
  2,
);

export const JA_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: { actions: ['注文を追跡し', '荷物がどこにあるか確認し', '注文がいつ届くか知り'] },
    cancel_order: { actions: ['注文をキャンセルし', '注文{{Order Number}}をキャンセルし'] },
    change_order: { actions: ['注文の配送先住所を変更し', '注文内容を変更し'] },
    return_request: { actions: ['商品を返品し', '返金を申請し'] },
    refund_status: { actions: ['返金の状況を確認し', '返金がいつ届くか知り'] },
    policy_question: { actions: ['キャンセル料を確認し', '返品ポリシーを確認し', '配送方法を確認し'] },
    payment_issue: { actions: ['支払いの問題を解決し', '二重請求について問い合わせ'] },
    account: {
      actions: ['アカウントを作成し', 'アカウントを削除し', 'パスワードを再設定し', 'アカウント情報を変更し'],
    },
    human_agent: { actions: ['オペレーターと話し', 'カスタマーサービスに連絡し'] },
    complaint: { actions: ['苦情を申し立て', 'サービスについて苦情を言い'] },
  },
  ['{}たいです', '{}たいのですが、手伝ってもらえますか', 'どうやって{}たらいいですか'],
  [],
  2,
);

export const KO_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: {
      actions: ['주문 배송을 조회하고', '택배가 어디 있는지 확인하고', '주문이 언제 도착하는지 알고'],
    },
    cancel_order: { actions: ['주문을 취소하고', '주문 {{Order Number}} 취소하고'] },
    change_order: { actions: ['주문 배송지를 변경하고', '주문 내용을 변경하고'] },
    return_request: { actions: ['상품을 반품하고', '환불을 신청하고'] },
    refund_status: { actions: ['환불 진행 상황을 확인하고', '환불이 언제 들어오는지 알고'] },
    policy_question: { actions: ['취소 수수료를 알고', '반품 정책을 알고', '배송 옵션을 알고'] },
    payment_issue: { actions: ['결제 문제를 해결하고', '이중 결제를 신고하고'] },
    account: {
      actions: ['계정을 만들고', '계정을 삭제하고', '비밀번호를 재설정하고', '계정 정보를 변경하고'],
    },
    human_agent: { actions: ['상담원과 통화하고', '고객센터에 연락하고'] },
    complaint: { actions: ['불만을 접수하고', '서비스에 대해 항의하고'] },
  },
  ['{} 싶어요', '{} 싶은데 도와주세요', '{} 싶은데 어떻게 해야 하나요?'],
  [],
  2,
);

export const AR_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: { actions: ['تتبع طلبي', 'معرفة مكان الشحنة', 'معرفة موعد وصول طلبي'] },
    cancel_order: { actions: ['إلغاء طلبي', 'إلغاء الطلب {{Order Number}}'] },
    change_order: { actions: ['تغيير عنوان التوصيل للطلب', 'تعديل طلبي'] },
    return_request: { actions: ['إرجاع منتج', 'استرداد أموالي', 'طلب استرداد المبلغ'] },
    refund_status: { actions: ['معرفة حالة استرداد المبلغ', 'معرفة متى يصل المبلغ المسترد'] },
    policy_question: { actions: ['معرفة رسوم الإلغاء', 'معرفة سياسة الإرجاع', 'معرفة خيارات الشحن'] },
    payment_issue: { actions: ['حل مشكلة في الدفع', 'الإبلاغ عن خصم مكرر'] },
    account: { actions: ['إنشاء حساب', 'حذف حسابي', 'استعادة كلمة المرور', 'تعديل بيانات حسابي'] },
    human_agent: { actions: ['التحدث مع موظف', 'التواصل مع خدمة العملاء'] },
    complaint: { actions: ['تقديم شكوى', 'الشكوى من الخدمة'] },
  },
  ['أريد {}', 'هل يمكنك مساعدتي في {}؟', 'كيف يمكنني {}؟', 'أحتاج مساعدة في {}'],
  [],
  2,
);

export const TH_SERVICE: IntentExamples = serviceExamples(
  {
    track_order: { actions: ['ติดตามคำสั่งซื้อ', 'รู้ว่าพัสดุอยู่ที่ไหน', 'รู้ว่าคำสั่งซื้อจะมาถึงเมื่อไหร่'] },
    cancel_order: { actions: ['ยกเลิกคำสั่งซื้อ', 'ยกเลิกคำสั่งซื้อ {{Order Number}}'] },
    change_order: { actions: ['เปลี่ยนที่อยู่จัดส่งของคำสั่งซื้อ', 'แก้ไขคำสั่งซื้อ'] },
    return_request: { actions: ['คืนสินค้า', 'ขอเงินคืน'] },
    refund_status: { actions: ['เช็กสถานะการคืนเงิน', 'รู้ว่าเงินคืนจะเข้าเมื่อไหร่'] },
    policy_question: { actions: ['รู้ค่าธรรมเนียมการยกเลิก', 'รู้นโยบายการคืนสินค้า', 'รู้ตัวเลือกการจัดส่ง'] },
    payment_issue: { actions: ['แก้ปัญหาการชำระเงิน', 'แจ้งว่าถูกตัดเงินซ้ำ'] },
    account: { actions: ['สมัครบัญชี', 'ลบบัญชี', 'รีเซ็ตรหัสผ่าน', 'แก้ไขข้อมูลบัญชี'] },
    human_agent: { actions: ['คุยกับพนักงาน', 'ติดต่อฝ่ายบริการลูกค้า'] },
    complaint: { actions: ['ร้องเรียน', 'ร้องเรียนเรื่องการบริการ'] },
  },
  ['อยาก{}ครับ', 'ช่วย{}หน่อยค่ะ', 'ต้องทำยังไงถึงจะ{}ได้'],
  [],
  2,
);
