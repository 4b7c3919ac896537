import type { ReplyTexts } from './types';

export const VI: ReplyTexts = {
  orderStatus: {
    pending: 'đã tiếp nhận, đang chờ xác nhận',
    paid: 'đã thanh toán, đang chờ chuẩn bị',
    processing: 'đang được chuẩn bị',
    shipped: 'đã gửi đi',
    delivered: 'đã giao',
    cancelled: 'đã hủy',
    returned: 'đã hoàn trả',
  },
  shipmentStatus: {
    label_created: 'đã đóng gói, đang chờ đơn vị vận chuyển đến lấy',
    in_transit: 'đang trên đường',
    out_for_delivery: 'đang được giao',
    delivered: 'đã giao',
    exception: 'bị chậm do sự cố giao hàng',
    customs_hold: 'đang bị giữ ở hải quan',
    returned: 'đang được gửi trả về cho chúng tôi',
  },
  orderSummary: 'Đơn hàng {orderId} ({items}) của bạn: {status}.',
  notShippedYet: 'Đơn hàng chưa được gửi đi.',
  carrier: 'Đơn vị vận chuyển: {carrier}, mã vận đơn {trackingNumber}.',
  lastEvent: 'Cập nhật mới nhất, {date} tại {location}: {description}.',
  lastEventNoLocation: 'Cập nhật mới nhất, {date}: {description}.',
  estimatedDelivery: 'Dự kiến giao: {date}.',
  chooseOrder: 'Tôi thấy {count} đơn hàng gần đây trong tài khoản của bạn. Bạn muốn hỏi đơn nào?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Tôi không tìm thấy đơn hàng nào trong tài khoản của bạn. Nếu bạn đặt bằng email khác, nhân viên của chúng tôi có thể tìm giúp.',
  orderNotFound:
    'Tôi không tìm thấy đơn hàng đó trong tài khoản của bạn. Vui lòng kiểm tra lại mã đơn, hoặc tôi có thể nhờ nhân viên của chúng tôi hỗ trợ.',
  askOrderNumber: 'Bạn có thể gửi cho tôi mã đơn hàng không? Mã có trong email xác nhận đơn hàng.',
  greeting:
    'Xin chào! Tôi là trợ lý của cửa hàng. Tôi có thể cho bạn biết đơn hàng đang ở đâu hoặc gọi nhân viên hỗ trợ. Tôi giúp gì được cho bạn?',
  thanks: 'Không có gì! Bạn cần tôi giúp gì thêm không?',
  outOfScope:
    'Ở đây tôi có thể hỗ trợ về đơn hàng: giao hàng, trả hàng, đổi hàng, kích cỡ và sản phẩm. Tôi giúp gì được cho bạn?',
  handoff:
    'Tất nhiên. Tôi đang mời một nhân viên tham gia cuộc trò chuyện; họ sẽ trả lời bạn tại đây trong giây lát.',
  videoCall:
    'Được ạ. Tôi đang mời một nhân viên tham gia; họ có thể bắt đầu cuộc gọi video với bạn ngay trong khung chat này.',
  teamWillHelp:
    'Cảm ơn bạn, tôi đã ghi nhận. Nhân viên của chúng tôi sẽ sớm hỗ trợ bạn tại đây. Trong lúc chờ, tôi có thể cho bạn biết đơn hàng đang ở đâu.',
  unsure:
    'Tôi không chắc mình đã hiểu đúng. Tôi đang nhờ một nhân viên hỗ trợ bạn; họ sẽ trả lời tại đây trong giây lát.',
  itemSize: 'size {size}',
  listSeparator: ', ',
};
