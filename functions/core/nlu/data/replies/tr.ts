import type { ReplyTexts } from './types';

export const TR: ReplyTexts = {
  orderStatus: {
    pending: 'alındı, onay bekliyor',
    paid: 'ödendi, hazırlanmayı bekliyor',
    processing: 'hazırlanıyor',
    shipped: 'kargoya verildi',
    delivered: 'teslim edildi',
    cancelled: 'iptal edildi',
    returned: 'iade edildi',
  },
  shipmentStatus: {
    label_created: 'paketlendi, kargo firmasının teslim almasını bekliyor',
    in_transit: 'yolda',
    out_for_delivery: 'dağıtıma çıktı',
    delivered: 'teslim edildi',
    exception: 'bir teslimat sorunu nedeniyle gecikiyor',
    customs_hold: 'gümrükte bekliyor',
    returned: 'bize geri dönüyor',
  },
  orderSummary: '{orderId} numaralı siparişiniz ({items}): {status}.',
  notShippedYet: 'Henüz kargoya verilmedi.',
  carrier: 'Kargo firması: {carrier}, takip numarası {trackingNumber}.',
  lastEvent: 'Son güncelleme, {date}, {location}: {description}.',
  lastEventNoLocation: 'Son güncelleme, {date}: {description}.',
  estimatedDelivery: 'Tahmini teslimat: {date}.',
  chooseOrder: 'Hesabınızda {count} yeni sipariş buldum. Hangisini kastediyorsunuz?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Hesabınızda sipariş bulamadım. Başka bir e-posta adresiyle sipariş verdiyseniz ekibimizden biri sizin için bakabilir.',
  orderNotFound:
    'Bu siparişi hesabınızda bulamadım. Lütfen sipariş numarasını kontrol edin ya da ekibimizden birinden yardım isteyebilirim.',
  askOrderNumber: 'Sipariş numaranızı gönderebilir misiniz? Sipariş onay e-postanızda bulabilirsiniz.',
  greeting:
    'Merhaba! Ben mağazanın asistanıyım. Siparişinizin nerede olduğunu söyleyebilir ya da ekibimizden birini çağırabilirim. Nasıl yardımcı olabilirim?',
  thanks: 'Rica ederim! Başka bir konuda yardımcı olabilir miyim?',
  outOfScope:
    'Burada siparişlerinizle ilgili yardımcı olabilirim: teslimat, iade, değişim, beden ve ürünler. Sizin için ne yapabilirim?',
  handoff:
    'Tabii. Ekibimizden birinin bu sohbete katılmasını istiyorum; kısa süre içinde burada yanıt verecek.',
  videoCall:
    'Tabii. Ekibimizden birinin katılmasını istiyorum; sohbetin içinden sizinle görüntülü görüşme başlatabilir.',
  teamWillHelp:
    'Teşekkürler, not aldım. Ekibimizden biri kısa süre içinde burada size yardımcı olacak. Bu arada siparişinizin nerede olduğunu söyleyebilirim.',
  unsure:
    'Doğru anladığımdan emin değilim. Ekibimizden birinden yardım istiyorum; kısa süre içinde burada yanıt verecek.',
  itemSize: 'beden {size}',
  listSeparator: ', ',
  afterSales: {
    returnOpened:
      '{orderId} numaralı siparişteki {item} için {rmaId} iadesini açtım. Lütfen {lastDay} tarihine kadar geri gönderin; iade etiketi e-postayla gelecek. Ürün bize ulaşınca {amount} iade edilecek.',
    exchangeOpened:
      '{orderId} numaralı siparişteki {item} için {rmaId} değişimini açtım. Lütfen {lastDay} tarihine kadar geri gönderin; etiket e-postayla gelecek ve ürün ulaşır ulaşmaz yenisini göndereceğiz.',
    returnNeedsPerson:
      '{item} için {rmaId} iadesini açtım. {amount} tutarındaki iadeyi ekibimizden biri onaylamalı; kısa süre içinde burada onaylayacak.',
    returnAlreadyOpen: '{item} için zaten bir iade var: {rmaId}, {state}.',
    returnRefused: 'Üzgünüm, {orderId} numaralı siparişteki {item} iade edilemiyor: {why}',
    returnWhy: {
      not_delivered_yet: 'henüz teslim edilmedi. Ulaştığında bana yazın, iadeyi başlatayım.',
      final_sale:
        'bu ürün kesin satış kapsamında. Kusurluysa bana söyleyin, ekibimizden biri yardımcı olacak.',
      outside_window: 'iade süresi {lastDay} tarihinde sona erdi. Kusurluysa ekibimizden biri inceleyebilir.',
      already_returned: 'zaten iade edildi.',
      other: 'iade politikamız buna izin vermiyor. Ekibimizden biri sizinle birlikte inceleyebilir.',
    },
    askWhichItem: 'Hangi ürünle ilgili? {items}',
    returnStatus: '{rmaId} iadesi ({item}): {state}.',
    returnState: {
      awaiting_approval: 'onayımızı bekliyor; karar verilir verilmez size haber vereceğiz',
      approved: 'onaylandı, ürünü göndermenizi bekliyoruz',
      in_transit: 'bize doğru yolda',
      received: 'teslim alındı, kontrol ediliyor',
      refunded: 'ücret iade edildi',
      exchanged: 'değiştirildi, yeni ürün yolda',
      rejected: 'kabul edilmedi; ekibimizden biri nedenini açıklayacak',
    },
    noReturns: '{orderId} numaralı sipariş için iade bulamadım. Bir iade başlatmak ister misiniz?',
    cancelled: '{orderId} numaralı sipariş iptal edildi. {amount} ilk ödeme yönteminize iade edilecek.',
    cancelNeedsPerson:
      '{orderId} numaralı sipariş henüz kargoya verilmedi. Tutar ({amount}) nedeniyle iptali ekibimizden biri kısa süre içinde burada onaylayacak.',
    cancelShipped:
      '{orderId} numaralı sipariş zaten kargoya verildi, bu yüzden artık iptal edilemiyor. Ulaştığında iade edebilirsiniz: bana yazmanız yeterli.',
    cancelNotPossible:
      '{orderId} numaralı sipariş burada iptal edilemiyor. Ekibimizden biri size yardımcı olabilir.',
    changeRequested:
      '{orderId} numaralı sipariş henüz kargoya verilmedi, yani hâlâ değiştirilebilir. Talebinizi ekibimize ilettim (talep {ticketId}); kargodan önce burada onaylayacaklar.',
    changeAskValue: 'Bunun yerine hangi beden ya da rengi istersiniz?',
    changeShipped:
      '{orderId} numaralı sipariş zaten kargoya verildi, bu yüzden artık değiştirilemiyor. Ulaştığında sizin için değişim başlatabilirim.',
    changeNotPossible:
      '{orderId} numaralı siparişi kendim değiştiremiyorum. Ekibimizden biri size yardımcı olabilir.',
    sizeAdvice: '{product} için {size} bedenini öneririm.',
    sizeReturnsNote: 'Bu, tablodan bir beden farklı: ürünü iade edenler kalıbının farklı olduğunu belirtti.',
    sizeReasonChart: 'Ölçüleriniz ({measured}) beden tablosunda {size} aralığına giriyor.',
    sizeReasonBetween:
      'Ölçüleriniz ({measured}) beden tablosunda {lower} ile {upper} arasında kalıyor, bu yüzden {size} seçtim.',
    sizeAskBody:
      '{product} için beden önerebilmem için boyunuzu ve kilonuzu yazın (örneğin 170 cm ve 65 kg).',
    sizeAskFoot:
      '{product} için numara önerebilmem için topuktan en uzun parmağa ayak uzunluğunuzu yazın (örneğin 26,5 cm).',
    sizeAskProduct: 'Hangi ürün için beden önerisi istersiniz? Örneğin: {products}.',
    sizeCannot:
      'Bu ölçülerle {product} için beden tahmin etmek istemem. Lütfen kontrol edin ya da ekibimizden birini çağırayım.',
    knowledgeSource: 'Kaynak: {source}',
    offerFollowUp:
      'Ayrıca şunu sordunuz: “{request}”. Sıradaki olarak bununla ilgileneyim mi? Evet demeniz yeterli.',
    knowledgeOtherLanguage: 'Bu yanıt yalnızca mağazanın dilinde ({language}) mevcut.',
    noAnswer:
      'Bunun cevabını bilmiyorum ve tahmin yürütmek istemem. Ekibimizden birini çağırıyorum; kısa süre içinde burada yanıt verecek.',
    claimOpened:
      'Bunun için üzgünüm. {claimId} numaralı kaydı açtım ve ilgili ekibe ilettim; kısa süre içinde burada biri yanıt verecek.',
    askPhoto:
      'Mümkünse ürünün ve etiketinin fotoğrafını kamera düğmesiyle gönderin: sorunu daha hızlı çözmemize yardımcı olur.',
    paymentNote: 'Lütfen sohbete asla kart numarası yazmayın.',
  },
};
