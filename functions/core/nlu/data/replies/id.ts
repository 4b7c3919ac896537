import type { ReplyTexts } from './types';

export const ID: ReplyTexts = {
  orderStatus: {
    pending: 'diterima dan menunggu konfirmasi',
    paid: 'sudah dibayar dan menunggu diproses',
    processing: 'sedang diproses',
    shipped: 'sudah dikirim',
    delivered: 'sudah diterima',
    cancelled: 'dibatalkan',
    returned: 'dikembalikan',
  },
  shipmentStatus: {
    label_created: 'sudah dikemas dan menunggu dijemput kurir',
    in_transit: 'dalam perjalanan',
    out_for_delivery: 'sedang diantar kurir',
    delivered: 'sudah diterima',
    exception: 'tertunda karena kendala pengiriman',
    customs_hold: 'tertahan di bea cukai',
    returned: 'dalam perjalanan kembali ke kami',
  },
  orderSummary: 'Pesanan Anda {orderId} ({items}) {status}.',
  notShippedYet: 'Pesanan belum dikirim.',
  carrier: 'Kurir: {carrier}, nomor resi {trackingNumber}.',
  lastEvent: 'Pembaruan terakhir, {date} di {location}: {description}.',
  lastEventNoLocation: 'Pembaruan terakhir, {date}: {description}.',
  estimatedDelivery: 'Perkiraan tiba: {date}.',
  chooseOrder: 'Saya menemukan {count} pesanan terbaru di akun Anda. Pesanan yang mana yang Anda maksud?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Saya tidak menemukan pesanan di akun Anda. Jika Anda memesan dengan email lain, tim kami bisa membantu mencarinya.',
  orderNotFound:
    'Saya tidak menemukan pesanan itu di akun Anda. Silakan periksa nomor pesanan, atau saya bisa meminta bantuan tim kami.',
  askOrderNumber: 'Boleh kirimkan nomor pesanan Anda? Nomornya ada di email konfirmasi pesanan.',
  greeting:
    'Halo! Saya asisten toko. Saya bisa memberi tahu posisi pesanan Anda atau memanggil tim kami. Ada yang bisa saya bantu?',
  thanks: 'Sama-sama! Ada lagi yang bisa saya bantu?',
  outOfScope:
    'Di sini saya bisa membantu soal pesanan: pengiriman, retur, penukaran, ukuran, dan produk. Ada yang bisa saya bantu?',
  handoff: 'Tentu. Saya meminta anggota tim kami bergabung di chat ini; mereka akan segera membalas di sini.',
  videoCall:
    'Tentu. Saya meminta anggota tim kami bergabung; mereka bisa memulai video call dengan Anda langsung di chat ini.',
  teamWillHelp:
    'Terima kasih, sudah saya catat. Anggota tim kami akan segera membantu Anda di sini. Sementara itu, saya bisa memberi tahu posisi pesanan Anda.',
  unsure:
    'Saya kurang yakin memahami maksud Anda. Saya meminta bantuan anggota tim kami; mereka akan segera membalas di sini.',
  itemSize: 'ukuran {size}',
  listSeparator: ', ',
  afterSales: {
    returnOpened:
      'Saya sudah membuka retur {rmaId} untuk {item} dari pesanan {orderId}. Kirim kembali sebelum {lastDay}; label retur dikirim lewat email. Dana {amount} akan dikembalikan setelah barang sampai.',
    exchangeOpened:
      'Saya sudah membuka penukaran {rmaId} untuk {item} dari pesanan {orderId}. Kirim kembali sebelum {lastDay}; label dikirim lewat email, dan barang pengganti kami kirim begitu barang sampai.',
    returnNeedsPerson:
      'Saya sudah membuka retur {rmaId} untuk {item}. Pengembalian dana {amount} perlu disetujui oleh tim kami; mereka akan mengonfirmasi di sini segera.',
    returnAlreadyOpen: 'Sudah ada retur untuk {item}: {rmaId}, {state}.',
    returnRefused: 'Maaf, {item} dari pesanan {orderId} tidak bisa diretur: {why}',
    returnWhy: {
      not_delivered_yet:
        'barangnya belum diterima. Setelah sampai, kabari saya dan saya akan memulai returnya.',
      final_sale: 'barang ini termasuk obral akhir. Jika rusak, beri tahu saya dan tim kami akan membantu.',
      outside_window: 'masa retur berakhir pada {lastDay}. Jika rusak, tim kami masih bisa memeriksanya.',
      already_returned: 'barang ini sudah diretur.',
      other: 'kebijakan retur kami tidak mengizinkannya. Tim kami bisa memeriksanya bersama Anda.',
    },
    askWhichItem: 'Barang yang mana? {items}',
    returnStatus: 'Retur {rmaId} ({item}): {state}.',
    returnState: {
      awaiting_approval: 'menunggu persetujuan kami; kami akan mengabari Anda begitu diputuskan',
      approved: 'disetujui, menunggu Anda mengirim barangnya',
      in_transit: 'dalam perjalanan ke kami',
      received: 'sudah diterima, sedang diperiksa',
      refunded: 'dana sudah dikembalikan',
      exchanged: 'sudah ditukar, barang pengganti sedang dikirim',
      rejected: 'tidak diterima; tim kami akan menjelaskan alasannya',
    },
    noReturns: 'Saya tidak menemukan retur untuk pesanan {orderId}. Mau memulai retur?',
    cancelled:
      'Pesanan {orderId} sudah dibatalkan. Dana {amount} akan dikembalikan ke metode pembayaran awal Anda.',
    cancelNeedsPerson:
      'Pesanan {orderId} belum dikirim. Karena jumlahnya ({amount}), tim kami akan mengonfirmasi pembatalan di sini segera.',
    cancelShipped:
      'Pesanan {orderId} sudah dikirim, jadi tidak bisa dibatalkan lagi. Setelah sampai, Anda bisa meretur: cukup beri tahu saya.',
    cancelNotPossible: 'Pesanan {orderId} tidak bisa dibatalkan di sini. Tim kami bisa membantu Anda.',
    changeRequested:
      'Pesanan {orderId} belum dikirim, jadi masih bisa diubah. Permintaan Anda sudah saya teruskan ke tim kami (tiket {ticketId}); mereka akan mengonfirmasi di sini sebelum pengiriman.',
    changeAskValue: 'Ukuran atau warna apa yang Anda inginkan sebagai gantinya?',
    changeShipped:
      'Pesanan {orderId} sudah dikirim, jadi tidak bisa diubah lagi. Setelah sampai, saya bisa mengatur penukaran untuk Anda.',
    changeNotPossible: 'Saya tidak bisa mengubah pesanan {orderId} sendiri. Tim kami bisa membantu Anda.',
    sizeAdvice: 'Untuk {product}, saya sarankan ukuran {size}.',
    sizeReturnsNote: 'Itu beda satu ukuran dari tabel: pembeli yang meretur menyebut ukurannya berbeda.',
    sizeReasonChart: 'Ukuran tubuh Anda ({measured}) masuk ukuran {size} di tabel ukurannya.',
    sizeReasonBetween:
      'Ukuran tubuh Anda ({measured}) ada di antara {lower} dan {upper} di tabel ukurannya, jadi saya memilih {size}.',
    sizeAskBody:
      'Agar bisa menyarankan ukuran {product}, beri tahu tinggi dan berat badan Anda (misalnya 170 cm dan 65 kg).',
    sizeAskFoot:
      'Agar bisa menyarankan ukuran {product}, beri tahu panjang kaki Anda dari tumit ke jari terpanjang (misalnya 26,5 cm).',
    sizeAskProduct: 'Produk mana yang ingin Anda tanyakan ukurannya? Misalnya: {products}.',
    sizeCannot:
      'Saya tidak mau menebak ukuran {product} dengan ukuran tubuh itu. Mohon periksa lagi, atau saya panggilkan tim kami.',
    knowledgeSource: 'Sumber: {source}',
    offerFollowUp: 'Anda juga bertanya: “{request}”. Mau saya bantu itu berikutnya? Cukup jawab ya.',
    knowledgeOtherLanguage: 'Jawaban ini hanya tersedia dalam bahasa toko ({language}).',
    noAnswer:
      'Saya tidak tahu jawabannya dan tidak mau menebak. Saya meminta bantuan tim kami; mereka akan membalas di sini segera.',
    claimOpened:
      'Mohon maaf atas hal ini. Saya sudah membuka kasus {claimId} dan meneruskannya ke tim terkait; seseorang akan membalas di sini segera.',
    askPhoto:
      'Jika bisa, kirim foto barang dan labelnya dengan tombol kamera: ini membantu kami menyelesaikannya lebih cepat.',
    paymentNote: 'Jangan pernah mengirim nomor kartu di chat.',
  },
};
