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
  afterSales: {
    returnOpened:
      'Tôi đã mở yêu cầu trả hàng {rmaId} cho {item} trong đơn {orderId}. Vui lòng gửi lại trước {lastDay}; nhãn trả hàng sẽ được gửi qua email. Chúng tôi sẽ hoàn {amount} khi nhận được hàng.',
    exchangeOpened:
      'Tôi đã mở yêu cầu đổi hàng {rmaId} cho {item} trong đơn {orderId}. Vui lòng gửi lại trước {lastDay}; nhãn sẽ được gửi qua email và chúng tôi gửi hàng thay thế ngay khi nhận được.',
    returnNeedsPerson:
      'Tôi đã mở yêu cầu trả hàng {rmaId} cho {item}. Khoản hoàn {amount} cần nhân viên của chúng tôi phê duyệt; họ sẽ xác nhận tại đây sớm.',
    returnAlreadyOpen: 'Đã có yêu cầu trả hàng cho {item}: {rmaId}, {state}.',
    returnRefused: 'Xin lỗi, {item} trong đơn {orderId} không thể trả lại: {why}',
    returnWhy: {
      not_delivered_yet: 'hàng chưa được giao. Khi nhận được, hãy nhắn tôi và tôi sẽ bắt đầu trả hàng.',
      final_sale:
        'đây là hàng bán không đổi trả. Nếu hàng bị lỗi, hãy cho tôi biết và nhân viên của chúng tôi sẽ hỗ trợ.',
      outside_window:
        'thời hạn trả hàng đã kết thúc vào {lastDay}. Nếu hàng bị lỗi, nhân viên của chúng tôi có thể kiểm tra.',
      already_returned: 'hàng đã được trả lại.',
      other: 'chính sách trả hàng của chúng tôi không cho phép. Nhân viên của chúng tôi có thể xem cùng bạn.',
    },
    askWhichItem: 'Bạn muốn nói về sản phẩm nào? {items}',
    returnStatus: 'Trả hàng {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'đang chờ chúng tôi duyệt; chúng tôi sẽ báo bạn ngay khi có quyết định',
      approved: 'đã duyệt, đang chờ bạn gửi hàng lại',
      in_transit: 'đang trên đường về chỗ chúng tôi',
      received: 'đã nhận, đang kiểm tra',
      refunded: 'đã hoàn tiền',
      exchanged: 'đã đổi, hàng thay thế đang được giao',
      rejected: 'không được chấp nhận; nhân viên của chúng tôi sẽ giải thích lý do',
    },
    noReturns: 'Tôi không tìm thấy yêu cầu trả hàng nào cho đơn {orderId}. Bạn có muốn bắt đầu không?',
    cancelled: 'Đơn {orderId} đã được hủy. {amount} sẽ được hoàn về phương thức thanh toán ban đầu.',
    cancelNeedsPerson:
      'Đơn {orderId} chưa được gửi đi. Vì số tiền ({amount}), nhân viên của chúng tôi sẽ xác nhận việc hủy tại đây sớm.',
    cancelShipped:
      'Đơn {orderId} đã được gửi đi nên không thể hủy nữa. Khi nhận được, bạn có thể trả lại: chỉ cần nói với tôi.',
    cancelNotPossible: 'Đơn {orderId} không thể hủy tại đây. Nhân viên của chúng tôi có thể hỗ trợ bạn.',
    changeRequested:
      'Đơn {orderId} chưa được gửi đi nên vẫn có thể thay đổi. Tôi đã chuyển yêu cầu cho đội ngũ (phiếu {ticketId}); họ sẽ xác nhận tại đây trước khi gửi hàng.',
    changeAskValue: 'Bạn muốn đổi sang cỡ hoặc màu nào?',
    changeShipped:
      'Đơn {orderId} đã được gửi đi nên không thể thay đổi nữa. Khi nhận được, tôi có thể sắp xếp đổi hàng cho bạn.',
    changeNotPossible: 'Tôi không thể tự thay đổi đơn {orderId}. Nhân viên của chúng tôi có thể hỗ trợ bạn.',
    sizeAdvice: 'Với {product}, tôi gợi ý cỡ {size}.',
    sizeReturnsNote: 'Cỡ này lệch một cỡ so với bảng: những người đã trả lại thấy sản phẩm vừa khác đi.',
    sizeReasonChart: 'Số đo của bạn ({measured}) nằm trong cỡ {size} của bảng cỡ.',
    sizeReasonBetween:
      'Số đo của bạn ({measured}) nằm giữa cỡ {lower} và {upper} trong bảng cỡ, nên tôi chọn cỡ {size}.',
    sizeAskBody:
      'Để gợi ý cỡ cho {product}, vui lòng cho tôi biết chiều cao và cân nặng (ví dụ 170 cm và 65 kg).',
    sizeAskFoot:
      'Để gợi ý cỡ cho {product}, vui lòng cho tôi biết chiều dài bàn chân, từ gót đến ngón dài nhất (ví dụ 26,5 cm).',
    sizeAskProduct: 'Bạn cần tư vấn cỡ cho sản phẩm nào? Ví dụ: {products}.',
    sizeCannot:
      'Tôi không muốn đoán cỡ {product} với số đo này. Vui lòng kiểm tra lại, hoặc tôi sẽ nhờ nhân viên của chúng tôi.',
    knowledgeSource: 'Nguồn: {source}',
    offerFollowUp: 'Bạn cũng hỏi: “{request}”. Tôi giúp việc đó tiếp theo nhé? Chỉ cần trả lời có.',
    knowledgeOtherLanguage: 'Câu trả lời này chỉ có bằng ngôn ngữ của cửa hàng ({language}).',
    noAnswer:
      'Tôi không biết câu trả lời và không muốn đoán. Tôi đã nhờ nhân viên của chúng tôi; họ sẽ trả lời tại đây sớm.',
    claimOpened:
      'Rất tiếc về việc này. Tôi đã mở hồ sơ {claimId} và chuyển cho bộ phận phụ trách; nhân viên sẽ trả lời tại đây sớm.',
    askPhoto:
      'Nếu được, hãy gửi ảnh sản phẩm và nhãn bằng nút máy ảnh: điều đó giúp chúng tôi xử lý nhanh hơn.',
    paymentNote: 'Vui lòng không bao giờ gửi số thẻ trong khung chat.',
  },
};
