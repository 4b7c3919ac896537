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
};
