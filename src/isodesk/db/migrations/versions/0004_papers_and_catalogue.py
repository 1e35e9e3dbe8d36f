"""Catalogue notes apart from papers, representatives, the desk's contact, confirmed and pending calendar days,
former unit names.

- Procedures get ``exemptions``, ``legal_basis`` and ``notes`` beside their documents and fee. Starter rows still as
  they were shipped are split: the fee ("Phí 8.000 đ/bản") and exemptions ("miễn cho gia đình có công …") leave
  the documents, the catalogue's remarks ("DVCQG: thời gian ghi trong trình tự …") leave the cut-off rule, and each
  gets the legal basis it rests on. A row the office changed or imported keeps its cells (its notes cannot be told
  from its rules); every row of a starter code gets its legal basis if it has none.
- Applicants get the person who filed on their behalf (TT 03/2025/TT-VPCP, form 01); the office the contact named on
  supplement requests (form 02).
- The 2026 New Year swap (Friday 2 January off, Saturday 10 January worked) is confirmed by the Government Office's
  letter 12729/VPCP-KGVX; the proposed 24 November swap and Tết 2027 are entered as pending (what they already are
  in the statutory calendar, marked unconfirmed). Every change is logged as the overlay's changes are.
- Phường Mỹ Tho's name before 1 July 2025 (Phường 1, seat of the merged ward) is a former name printed on papers
  of that time; it is marked for checking in its source.

Columns are added with plain ALTER TABLE (no table copy); changed rows take a new change number for sync.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 09:00:00
"""

import json
import uuid
from datetime import UTC, date, datetime

from alembic import op
import sqlalchemy as sa

from isodesk.i18n.text import search_key


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ACTOR = 'isodesk-0004'
NEW_YEAR_SOURCE = 'Công văn số 12729/VPCP-KGVX của Văn phòng Chính phủ về lịch nghỉ Tết Dương lịch 2026'
OLD_NEW_YEAR_SOURCE = (
    'Thông báo của Chính phủ về lịch nghỉ Tết Dương lịch 2026 theo tin báo chí; chưa đối chiếu văn bản gốc'
)
PENDING = [
    (date(2026, 11, 24), 'Ngày Văn hóa Việt Nam; hoán đổi thứ Hai 23/11 với thứ Bảy 28/11/2026 mới là đề xuất, chưa áp dụng',
     'Đề xuất hoán đổi ngày làm việc dịp 24/11/2026: chưa có văn bản (cần đối chiếu)'),
    *[(date(2027, 2, day), 'Tết Nguyên đán 2027 (lịch nghỉ chưa công bố)',
       'Bộ luật Lao động 2019, Điều 112 (05 ngày Tết âm lịch); lịch nghỉ năm 2027 chưa công bố (cần đối chiếu)')
      for day in range(4, 11)],
]
FORMER_NAMES = [
    ('28261', 'Phường 1', date(2025, 6, 30),
     'Nghị quyết 1663/NQ-UBTVQH15 (sắp xếp ĐVHC cấp xã tỉnh Đồng Tháp, 2025): phường Mỹ Tho lập từ Phường 1, '
     'Phường 2 và phường Tân Long của thành phố Mỹ Tho, trụ sở tại Phường 1 cũ (theo phương án báo chí đưa tin; '
     'cần đối chiếu)'),
]

#: Legal bases of the starter catalogue (JSON as the catalogue stores them).
B0 = '[{"kind": "Luật Hộ tịch", "number": "60/2014/QH13", "date": "2014-11-20", "title": ""}, {"kind": "Nghị định", "number": "123/2015/NĐ-CP", "date": "2015-11-15", "title": "của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"}, {"kind": "Quyết định", "number": "163/QĐ-BTP", "date": "", "title": "của Bộ trưởng Bộ Tư pháp công bố thủ tục hành chính"}]'
B1 = '[{"kind": "Luật Hộ tịch", "number": "60/2014/QH13", "date": "2014-11-20", "title": ""}, {"kind": "Nghị định", "number": "123/2015/NĐ-CP", "date": "2015-11-15", "title": "của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"}]'
B2 = '[{"kind": "Nghị định", "number": "23/2015/NĐ-CP", "date": "2015-02-16", "title": "của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"}, {"kind": "Quyết định", "number": "3152/QĐ-BTP", "date": "", "title": "của Bộ trưởng Bộ Tư pháp công bố thủ tục hành chính"}]'
B3 = '[{"kind": "Nghị định", "number": "23/2015/NĐ-CP", "date": "2015-02-16", "title": "của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"}, {"kind": "Quyết định", "number": "858/QĐ-BTP", "date": "", "title": "của Bộ trưởng Bộ Tư pháp công bố thủ tục hành chính"}]'
B4 = '[{"kind": "Luật Nuôi con nuôi", "number": "52/2010/QH12", "date": "2010-06-17", "title": ""}, {"kind": "Nghị định", "number": "19/2011/NĐ-CP", "date": "2011-03-21", "title": "của Chính phủ quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi"}, {"kind": "Quyết định", "number": "361/QĐ-BTP", "date": "", "title": "của Bộ trưởng Bộ Tư pháp công bố thủ tục hành chính"}]'
B5 = '[{"kind": "Luật Hòa giải ở cơ sở", "number": "35/2013/QH13", "date": "2013-06-20", "title": ""}]'
B6 = '[{"kind": "Quyết định", "number": "2353/QĐ-BTC", "date": "", "title": "của Bộ trưởng Bộ Tài chính công bố thủ tục hành chính"}]'
B7 = '[{"kind": "Luật Đất đai", "number": "31/2024/QH15", "date": "2024-01-18", "title": ""}, {"kind": "Quyết định", "number": "2304/QĐ-BNNMT", "date": "", "title": "của Bộ trưởng Bộ Nông nghiệp và Môi trường công bố thủ tục hành chính"}]'
B8 = '[{"kind": "Luật Đất đai", "number": "31/2024/QH15", "date": "2024-01-18", "title": ""}, {"kind": "Quyết định", "number": "3380/QĐ-BNNMT", "date": "", "title": "của Bộ trưởng Bộ Nông nghiệp và Môi trường công bố thủ tục hành chính"}]'
B9 = '[{"kind": "Quyết định", "number": "24/2021/QĐ-TTg", "date": "2021-07-16", "title": "của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình giai đoạn 2022 - 2025"}, {"kind": "Quyết định", "number": "967/QĐ-BNNMT", "date": "", "title": "của Bộ trưởng Bộ Nông nghiệp và Môi trường công bố thủ tục hành chính"}]'
B10 = '[{"kind": "Quyết định", "number": "1000/QĐ-BNNMT", "date": "", "title": "của Bộ trưởng Bộ Nông nghiệp và Môi trường công bố thủ tục hành chính"}]'
B11 = '[{"kind": "Luật Phòng, chống thiên tai", "number": "33/2013/QH13", "date": "2013-06-19", "title": ""}, {"kind": "Quyết định", "number": "1827/QĐ-BNNMT", "date": "", "title": "của Bộ trưởng Bộ Nông nghiệp và Môi trường công bố thủ tục hành chính"}]'
B12 = '[{"kind": "Quyết định", "number": "2313/QĐ-BNNMT", "date": "", "title": "của Bộ trưởng Bộ Nông nghiệp và Môi trường công bố thủ tục hành chính"}]'
B13 = '[{"kind": "Luật Xây dựng", "number": "50/2014/QH13", "date": "2014-06-18", "title": ""}, {"kind": "Quyết định", "number": "56/QĐ-BXD", "date": "", "title": "của Bộ trưởng Bộ Xây dựng công bố thủ tục hành chính"}]'
B14 = '[{"kind": "Nghị định", "number": "20/2021/NĐ-CP", "date": "2021-03-15", "title": "của Chính phủ quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội"}]'
B15 = '[{"kind": "Luật Người khuyết tật", "number": "51/2010/QH12", "date": "2010-06-17", "title": ""}]'
B16 = '[{"kind": "Nghị định", "number": "131/2021/NĐ-CP", "date": "2021-12-30", "title": "của Chính phủ quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng"}]'
B17 = '[]'
B18 = '[{"kind": "Nghị định", "number": "162/2017/NĐ-CP", "date": "2017-12-30", "title": "của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật tín ngưỡng, tôn giáo"}]'
B19 = '[{"kind": "Luật Thi đua, khen thưởng", "number": "06/2022/QH15", "date": "2022-06-15", "title": ""}]'

#: code -> (legal basis, split or None): split = (old documents, old cut-off, old fee, new documents,
#: new cut-off, new fee, exemptions, notes).
STARTER = {
    '1.001193': (B0, (['Tờ khai đăng ký khai sinh (hoặc mẫu điện tử tương tác)', 'Giấy chứng sinh (hoặc văn bản người làm chứng/giấy cam đoan về việc sinh)', 'giấy tờ tùy thân người đi đăng ký', 'văn bản ủy quyền (nếu có)', 'biên bản trẻ bị bỏ rơi / văn bản xác nhận mang thai hộ (nếu có)'], 'Nhận hồ sơ sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo', '0|HĐND', ['Tờ khai đăng ký khai sinh (hoặc mẫu điện tử tương tác)', 'Giấy chứng sinh (hoặc văn bản người làm chứng/giấy cam đoan về việc sinh)', 'giấy tờ tùy thân người đi đăng ký', 'văn bản ủy quyền (nếu có)', 'biên bản trẻ bị bỏ rơi / văn bản xác nhận mang thai hộ (nếu có)'], 'Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo', '0|HĐND', '', '')),
    '1.000656': (B0, (['Tờ khai đăng ký khai tử', 'Giấy báo tử hoặc giấy tờ thay thế (không phải nộp nếu đã khai thác được bản điện tử)', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có)'], 'Nhận hồ sơ sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo', '0|HĐND', ['Tờ khai đăng ký khai tử', 'Giấy báo tử hoặc giấy tờ thay thế (không phải nộp nếu đã khai thác được bản điện tử)', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có)'], 'Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo', '0|HĐND', '', '')),
    '1.000894': (B0, (['Tờ khai đăng ký kết hôn (hai bên có thể khai chung)', 'giấy tờ tùy thân của hai bên', 'giấy tờ chứng minh cư trú nếu không khai thác được CSDL', 'hai bên phải có mặt khi nhận GCN kết hôn'], 'Nhận hồ sơ sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo; cần xác minh điều kiện kết hôn: không quá 05 ngày làm việc', '0', ['Tờ khai đăng ký kết hôn (hai bên có thể khai chung)', 'giấy tờ tùy thân của hai bên', 'giấy tờ chứng minh cư trú nếu không khai thác được CSDL'], 'Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo; trường hợp cần xác minh điều kiện kết hôn: không quá 05 ngày làm việc', '0', '', 'Hai bên phải có mặt khi nhận Giấy chứng nhận kết hôn.')),
    '1.004873': (B0, None),
    '1.001022': (B0, (['Tờ khai đăng ký nhận cha, mẹ, con', 'văn bản của cơ quan y tế/giám định xác nhận quan hệ cha-con, mẹ-con (hoặc văn bản cam đoan + ít nhất 2 người làm chứng)', 'giấy tờ tùy thân'], 'DVCQG 2026 ghi "3" (đơn vị OTHER) — đơn vị suy ra là ngày làm việc', 'HĐND', ['Tờ khai đăng ký nhận cha, mẹ, con', 'văn bản của cơ quan y tế/giám định xác nhận quan hệ cha-con, mẹ-con (hoặc văn bản cam đoan + ít nhất 2 người làm chứng)', 'giấy tờ tùy thân'], '', 'HĐND', '', 'DVCQG 2026 ghi "3" (đơn vị OTHER): đơn vị suy ra là ngày làm việc.')),
    '1.000689': (B0, None),
    '1.004859': (B0, (['Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (mẫu)', 'giấy tờ làm căn cứ thay đổi/cải chính/bổ sung', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có)'], 'Bổ sung thông tin hộ tịch: nhận sau 15 giờ → ngày làm việc tiếp theo; DVCQG 2026 ghi "1" (đơn vị OTHER) cho cả thủ tục; trước 2025 thay đổi/cải chính là 03 ngày làm việc (xác minh ≤06) — cần xác nhận tại tỉnh', 'HĐND', ['Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (mẫu)', 'giấy tờ làm căn cứ thay đổi/cải chính/bổ sung', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có)'], 'Bổ sung thông tin hộ tịch: nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo', 'HĐND', '', 'DVCQG 2026 ghi "1" (đơn vị OTHER) cho cả thủ tục; trước 2025 thay đổi, cải chính là 03 ngày làm việc (xác minh không quá 06 ngày): cần xác nhận tại tỉnh.')),
    '1.004884': (B0, None),
    '1.005461': (B0, (['Tờ khai đăng ký lại khai tử', 'bản sao giấy tờ liên quan đến việc khai tử', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có)'], 'Trường hợp cần xác minh: kéo dài (mức cụ thể chưa xác nhận)', 'HĐND', ['Tờ khai đăng ký lại khai tử', 'bản sao giấy tờ liên quan đến việc khai tử', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có)'], '', 'HĐND', '', 'Trường hợp cần xác minh: thời hạn kéo dài, mức cụ thể chưa xác nhận.')),
    '1.004746': (B0, None),
    '1.004772': (B0, (['Tờ khai đăng ký khai sinh', 'văn bản cam đoan chưa được đăng ký khai sinh', 'bản sao giấy tờ/hồ sơ cá nhân', 'giấy tờ tùy thân'], 'Trường hợp phải có văn bản xác minh: kéo dài (mức cụ thể chưa xác nhận)', 'HĐND', ['Tờ khai đăng ký khai sinh', 'văn bản cam đoan chưa được đăng ký khai sinh', 'bản sao giấy tờ/hồ sơ cá nhân', 'giấy tờ tùy thân'], '', 'HĐND', '', 'Trường hợp phải có văn bản xác minh: thời hạn kéo dài, mức cụ thể chưa xác nhận.')),
    '1.004837': (B0, None),
    '1.004845': (B0, None),
    '2.000635': (B0, (['Tờ khai/văn bản đề nghị cấp bản sao Trích lục hộ tịch', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có). Phí 8.000 đ/bản', 'miễn cho gia đình có công, hộ nghèo, người khuyết tật'], 'Nhận hồ sơ sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo', '8000', ['Tờ khai/văn bản đề nghị cấp bản sao Trích lục hộ tịch', 'giấy tờ tùy thân', 'văn bản ủy quyền (nếu có)'], 'Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo', '8000/bản', 'Miễn cho gia đình người có công với cách mạng, hộ nghèo, người khuyết tật', '')),
    '2.002516': (B0, (['?'], '', '8000', [], '', '8000', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.003583': (B0, (['?'], '', '0', [], '', '0', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.000419': (B0, (['?'], '', '0', [], '', '0', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.000593': (B0, (['?'], '', '0', [], '', '0', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.000528': (B0, (['?'], 'Nhận hồ sơ sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo (theo trình tự trên DVCQG 2026; DVCQG ghi "1", đơn vị OTHER)', 'HĐND', [], 'Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo', 'HĐND', '', 'Theo trình tự trên DVCQG 2026; DVCQG ghi "1", đơn vị OTHER. Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.000806': (B0, (['?'], 'Nếu cần xác minh: không quá 10 ngày', 'HĐND', [], 'Trường hợp cần xác minh: không quá 10 ngày', 'HĐND', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.002189': (B0, (['?'], 'Nếu cần xác minh: kéo dài (mức cụ thể chưa xác nhận)', 'HĐND', [], '', 'HĐND', '', 'Trường hợp cần xác minh: thời hạn kéo dài, mức cụ thể chưa xác nhận. Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.001023': (B1, (['Hồ sơ đăng ký khai sinh + hồ sơ cấp thẻ BHYT cho trẻ dưới 6 tuổi (chi tiết: ?)'], 'Tối đa 15 ngày làm việc; +≤02 ngày làm việc nếu phải bổ sung theo yêu cầu BHXH; +≤05 ngày với xã cách cơ quan BHXH ≥50 km', '0', ['Hồ sơ đăng ký khai sinh', 'hồ sơ cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi'], 'Thêm không quá 02 ngày làm việc nếu phải bổ sung hồ sơ theo yêu cầu của cơ quan bảo hiểm xã hội; thêm không quá 05 ngày đối với xã cách cơ quan bảo hiểm xã hội từ 50 km trở lên', '0', '', 'Chi tiết thành phần hồ sơ chưa xác nhận.')),
    '2.000986': (B1, (['?'], 'Tối đa 20 ngày làm việc', '0', [], '', '0', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.000815': (B2, (['Bản chính giấy tờ, văn bản làm cơ sở chứng thực và bản sao cần chứng thực (hoặc chỉ bản chính để cơ quan chụp)'], 'Tiếp nhận yêu cầu sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo; nhiều loại/nhiều trang/nhiều bản: kéo dài ≤02 ngày làm việc hoặc theo thỏa thuận', '2000/trang (từ trang 3: 1000/trang; tối đa 200000/bản)', ['Bản chính giấy tờ, văn bản làm cơ sở chứng thực và bản sao cần chứng thực (hoặc chỉ bản chính để cơ quan chụp)'], 'Tiếp nhận yêu cầu sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo; yêu cầu chứng thực nhiều loại giấy tờ, nhiều trang, nhiều bản: kéo dài không quá 02 ngày làm việc hoặc theo thỏa thuận', '2000/trang (từ trang 3: 1000/trang; tối đa 200000/bản)', '', '')),
    '2.000884': (B3, (['Giấy tờ tùy thân còn giá trị (CCCD/thẻ căn cước/hộ chiếu)', 'giấy tờ, văn bản cần chứng thực chữ ký (kèm bản dịch nếu bằng tiếng nước ngoài)'], 'Tiếp nhận yêu cầu sau 15 giờ → trả kết quả trong ngày làm việc tiếp theo; có thể kéo dài theo thỏa thuận (phiếu hẹn)', '10000/trường hợp', ['Giấy tờ tùy thân còn giá trị (CCCD/thẻ căn cước/hộ chiếu)', 'giấy tờ, văn bản cần chứng thực chữ ký (kèm bản dịch nếu bằng tiếng nước ngoài)'], 'Tiếp nhận yêu cầu sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo; có thể kéo dài theo thỏa thuận (phiếu hẹn)', '10000/trường hợp', '', '')),
    '2.001035': (B3, (['Dự thảo giao dịch', 'bản chính/bản sao GCN quyền sở hữu, quyền sử dụng tài sản (hoặc giấy tờ thay thế)', 'giấy tờ tùy thân. Miễn phí chứng thực HĐ thế chấp vay vốn phục vụ NN-NT (NĐ 55/2015)'], '', '50000/giao dịch', ['Dự thảo giao dịch', 'bản chính/bản sao GCN quyền sở hữu, quyền sử dụng tài sản (hoặc giấy tờ thay thế)', 'giấy tờ tùy thân'], '', '50000/giao dịch', 'Miễn phí chứng thực hợp đồng thế chấp tài sản để vay vốn phục vụ phát triển nông nghiệp, nông thôn (Nghị định số 55/2015/NĐ-CP)', '')),
    '2.001019': (B3, None),
    '2.001016': (B3, None),
    '2.001406': (B3, None),
    '2.000913': (B3, (['Giao dịch đã được chứng thực', 'dự thảo sửa đổi/bổ sung/hủy bỏ (?)', 'giấy tờ về tài sản/tùy thân (nếu không khai thác được CSDL)'], 'Phụ lục QĐ 3152/QĐ-BTP có nêu mốc "15 giờ" (theo trích xuất của dữ liệu Hải Phòng) — chưa xác nhận chi tiết', '30000/giao dịch', ['Giao dịch đã được chứng thực', 'dự thảo sửa đổi/bổ sung/hủy bỏ', 'giấy tờ về tài sản/tùy thân (nếu không khai thác được CSDL)'], '', '30000/giao dịch', '', 'Phụ lục QĐ 3152/QĐ-BTP có nêu mốc "15 giờ" (theo trích xuất của dữ liệu Hải Phòng): chưa xác nhận chi tiết. Thành phần “dự thảo sửa đổi/bổ sung/hủy bỏ” chưa thấy trong nguồn.')),
    '2.000942': (B3, None),
    '2.000908': (B3, None),
    '2.001008': (B3, (['?'], '', '10000/trường hợp', [], '', '10000/trường hợp', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.001263': (B4, (['Đơn xin nhận con nuôi', 'văn bản xác nhận hoàn cảnh gia đình/điều kiện kinh tế (trừ trường hợp được miễn)', 'giấy khám sức khỏe, 02 ảnh toàn thân của trẻ', 'quyết định tiếp nhận (trẻ ở cơ sở nuôi dưỡng). Miễn lệ phí: cha dượng/mẹ kế, cô-cậu-dì-chú-bác ruột, trẻ khuyết tật/HIV/bệnh hiểm nghèo, người có công'], '', '400000', ['Đơn xin nhận con nuôi', 'văn bản xác nhận hoàn cảnh gia đình/điều kiện kinh tế (trừ trường hợp được miễn)', 'giấy khám sức khỏe, 02 ảnh toàn thân của trẻ', 'quyết định tiếp nhận (trẻ ở cơ sở nuôi dưỡng)'], '', '400000', 'Miễn lệ phí cho: cha dượng, mẹ kế; cô, cậu, dì, chú, bác ruột; người nhận trẻ em khuyết tật, nhiễm HIV/AIDS hoặc mắc bệnh hiểm nghèo; người có công với cách mạng', '')),
    '1.002211': (B5, None),
    '1.001612': (B6, (['Giấy đề nghị đăng ký hộ kinh doanh', 'văn bản ủy quyền/hợp đồng dịch vụ (nếu ủy quyền)'], 'DVCQG: thời gian ghi trong trình tự (03 ngày làm việc kể từ ngày nhận hồ sơ)', 'HĐND', ['Giấy đề nghị đăng ký hộ kinh doanh', 'văn bản ủy quyền/hợp đồng dịch vụ (nếu ủy quyền)'], '', 'HĐND', '', 'DVCQG: thời gian ghi trong trình tự (03 ngày làm việc kể từ ngày nhận hồ sơ).')),
    '2.000720': (B6, None),
    '1.001570': (B6, (['Giấy đề nghị đăng ký tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn'], 'Áp dụng khi tạm ngừng từ 15 ngày trở lên hoặc tiếp tục trước thời hạn', 'HĐND', ['Giấy đề nghị đăng ký tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn'], '', 'HĐND', '', 'Áp dụng khi tạm ngừng kinh doanh từ 15 ngày trở lên hoặc tiếp tục kinh doanh trước thời hạn.')),
    '1.001266': (B6, (['Thông báo chấm dứt hoạt động hộ kinh doanh', 'văn bản ủy quyền (nếu có)'], 'Cơ quan ĐKKD chuyển trạng thái trong 05 ngày làm việc nếu không nhận được ý kiến của cơ quan thuế (thuế trả lời trong 02 ngày làm việc)', 'HĐND', ['Thông báo chấm dứt hoạt động hộ kinh doanh', 'văn bản ủy quyền (nếu có)'], '', 'HĐND', '', 'Cơ quan đăng ký kinh doanh chuyển trạng thái trong 05 ngày làm việc nếu không nhận được ý kiến của cơ quan thuế (cơ quan thuế trả lời trong 02 ngày làm việc).')),
    '2.000575': (B6, None),
    '1.012812': (B7, (['Đơn yêu cầu hòa giải tranh chấp đất đai', 'giấy tờ liên quan đến việc sử dụng đất'], 'DVCQG ghi "30 Ngày" (ngày theo lịch, không ghi "làm việc"); 40 ngày với xã miền núi, biên giới, hải đảo, vùng KT-XH khó khăn', '0', ['Đơn yêu cầu hòa giải tranh chấp đất đai', 'giấy tờ liên quan đến việc sử dụng đất'], '40 ngày đối với xã miền núi, biên giới, hải đảo, vùng có điều kiện kinh tế - xã hội khó khăn', '0', '', 'DVCQG ghi "30 Ngày" (ngày theo lịch, không ghi "làm việc").')),
    '1.013967': (B7, (['Đơn yêu cầu giải quyết tranh chấp đất đai', 'tài liệu, chứng cứ', 'biên bản hòa giải'], 'DVCQG ghi "45 Ngày" (ngày theo lịch); kênh trực tiếp ghi 60 ngày — nhiều khả năng là mức cho vùng khó khăn (chưa xác nhận)', '0', ['Đơn yêu cầu giải quyết tranh chấp đất đai', 'tài liệu, chứng cứ', 'biên bản hòa giải'], '', '0', '', 'DVCQG ghi "45 Ngày" (ngày theo lịch); kênh trực tiếp ghi 60 ngày, nhiều khả năng là mức cho vùng khó khăn (chưa xác nhận).')),
    '1.013978': (B8, (['Đơn đăng ký, cấp GCN (mẫu)', 'giấy tờ về quyền sử dụng đất (Điều 137, 148, 149 Luật Đất đai) và sơ đồ nhà ở/công trình (nếu có)', 'chứng từ nghĩa vụ tài chính (nếu có)', 'giấy tờ chuyển quyền (nếu có). Ví dụ HP (NQ 34/2025): LP cấp GCN 35.000', 'phí thẩm định 100.000–155.000'], 'DVCQG liệt kê 17/20/27 ngày làm việc theo từng trường hợp/kênh — chưa tách được; vùng khó khăn thường cộng thêm 10 ngày làm việc', 'HĐND', ['Đơn đăng ký, cấp GCN (mẫu)', 'giấy tờ về quyền sử dụng đất (Điều 137, 148, 149 Luật Đất đai) và sơ đồ nhà ở/công trình (nếu có)', 'chứng từ nghĩa vụ tài chính (nếu có)', 'giấy tờ chuyển quyền (nếu có)'], '', 'HĐND', '', 'DVCQG liệt kê 17/20/27 ngày làm việc theo từng trường hợp hoặc kênh, chưa tách được; vùng khó khăn thường cộng thêm 10 ngày làm việc. Ví dụ Hải Phòng (NQ 34/2025): lệ phí cấp GCN 35.000 đồng; phí thẩm định 100.000–155.000 đồng.')),
    '1.012796': (B7, (['Đơn đăng ký biến động (Mẫu số 18)', 'bản gốc Giấy chứng nhận đã cấp', 'văn bản ủy quyền (nếu có)'], '18 ngày làm việc với xã miền núi, hải đảo, vùng sâu, vùng xa, vùng KT-XH đặc biệt khó khăn', 'HĐND', ['Đơn đăng ký biến động (Mẫu số 18)', 'bản gốc Giấy chứng nhận đã cấp', 'văn bản ủy quyền (nếu có)'], '18 ngày làm việc đối với xã miền núi, hải đảo, vùng sâu, vùng xa, vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn', 'HĐND', '', '')),
    '1.011607': (B9, (['Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu 01, QĐ 24/2021/QĐ-TTg)'], 'DVCQG ghi "15 Ngày" (ngày theo lịch)', '0', ['Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu 01, QĐ 24/2021/QĐ-TTg)'], '', '0', '', 'DVCQG ghi "15 Ngày" (ngày theo lịch).')),
    '1.011608': (B9, (['Giấy đề nghị công nhận hộ thoát nghèo, thoát cận nghèo (Mẫu 04, QĐ 24/2021/QĐ-TTg)'], 'DVCQG ghi "15 Ngày" (ngày theo lịch)', '0', ['Giấy đề nghị công nhận hộ thoát nghèo, thoát cận nghèo (Mẫu 04, QĐ 24/2021/QĐ-TTg)'], '', '0', '', 'DVCQG ghi "15 Ngày" (ngày theo lịch).')),
    '1.011609': (B9, (['Giấy đề nghị xác định hộ có mức sống trung bình (Mẫu 01, QĐ 24/2021/QĐ-TTg)'], 'DVCQG ghi "15 Ngày" (ngày theo lịch)', '0', ['Giấy đề nghị xác định hộ có mức sống trung bình (Mẫu 01, QĐ 24/2021/QĐ-TTg)'], '', '0', '', 'DVCQG ghi "15 Ngày" (ngày theo lịch).')),
    '1.008004': (B10, None),
    '1.010091': (B11, None),
    '1.013997': (B12, None),
    '1.013225': (B13, (['Giấy chứng nhận quyền sử dụng đất/quyền sở hữu (hoặc dữ liệu CSDL đất đai)', 'bản vẽ/hồ sơ thiết kế', 'QĐ phê duyệt dự án, kết quả thẩm định thiết kế, kết quả TTHC PCCC/môi trường (nếu có)', 'đơn đề nghị cấp GPXD (?)'], 'DVCQG ghi 15/20 "Ngày" (ngày theo lịch) tùy kênh — thường 15 ngày nhà ở riêng lẻ, 20 ngày công trình (chưa xác nhận tách trường hợp)', 'HĐND', ['Giấy chứng nhận quyền sử dụng đất/quyền sở hữu (hoặc dữ liệu CSDL đất đai)', 'bản vẽ/hồ sơ thiết kế', 'QĐ phê duyệt dự án, kết quả thẩm định thiết kế, kết quả TTHC PCCC/môi trường (nếu có)', 'đơn đề nghị cấp giấy phép xây dựng'], '', 'HĐND', '', 'DVCQG ghi 15/20 "Ngày" (ngày theo lịch) tùy kênh: thường 15 ngày cho nhà ở riêng lẻ, 20 ngày cho công trình (chưa xác nhận việc tách trường hợp). Thành phần “đơn đề nghị cấp giấy phép xây dựng” chưa thấy trong nguồn.')),
    '1.013227': (B13, (['Đơn đề nghị gia hạn GPXD (?)', 'GPXD đã cấp (?)'], '', 'HĐND', ['Đơn đề nghị gia hạn giấy phép xây dựng', 'giấy phép xây dựng đã cấp'], '', 'HĐND', '', 'Hai thành phần hồ sơ chưa thấy trong nguồn.')),
    '1.013228': (B13, (['?'], '', 'HĐND', [], '', 'HĐND', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.001776': (B14, (['Tờ khai đề nghị trợ giúp xã hội (Mẫu 1a–1đ) hoặc tờ khai nhận chăm sóc, nuôi dưỡng (Mẫu 2a/2b/03) NĐ 20/2021/NĐ-CP', 'giấy tờ liên quan (xác nhận khuyết tật, giấy khai sinh của trẻ…)'], 'Chủ tịch UBND xã xem xét, quyết định trong 10 ngày làm việc kể từ khi nhận đề nghị (NĐ 147/2025/NĐ-CP Đ5 k2 điểm b, qua trích dẫn thứ cấp — cần đối chiếu)', '?', ['Tờ khai đề nghị trợ giúp xã hội (Mẫu 1a–1đ) hoặc tờ khai nhận chăm sóc, nuôi dưỡng (Mẫu 2a/2b/03) NĐ 20/2021/NĐ-CP', 'giấy tờ liên quan (xác nhận khuyết tật, giấy khai sinh của trẻ…)'], '', '?', '', 'Chủ tịch UBND xã xem xét, quyết định trong 10 ngày làm việc kể từ khi nhận đề nghị (NĐ 147/2025/NĐ-CP Điều 5 khoản 2 điểm b, qua trích dẫn thứ cấp): cần đối chiếu.')),
    '1.001699': (B15, (['Đơn đề nghị (Mẫu 01 TT 01/2019/TT-BLĐTBXH)', 'bản sao giấy tờ y tế chứng minh khuyết tật', 'Giấy XNKT cũ (nếu xác định lại)'], 'Giá trị TRƯỚC 2025 (DVCQG cũ); có thể đã thay đổi', '?', ['Đơn đề nghị (Mẫu 01 TT 01/2019/TT-BLĐTBXH)', 'bản sao giấy tờ y tế chứng minh khuyết tật', 'Giấy XNKT cũ (nếu xác định lại)'], '', '?', '', 'Giá trị trước 2025 (DVCQG cũ); có thể đã thay đổi.')),
    '1.001731': (B14, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.014027': (B14, (['Văn bản đề nghị hưởng trợ cấp hưu trí xã hội (Mẫu số 01 NĐ 176/2025/NĐ-CP) — bảng thành phần DVCQG chỉ còn 1 dòng (theo kho autofill công khai)'], '', '?', ['Văn bản đề nghị hưởng trợ cấp hưu trí xã hội (Mẫu số 01 NĐ 176/2025/NĐ-CP)'], '', '?', '', 'Bảng thành phần trên DVCQG chỉ còn 1 dòng (theo kho autofill công khai).')),
    '1.014028': (B14, (['?'], 'Cổng DVC Lào Cai (sau sáp nhập) ghi "3 NGÀY" — không rõ ngày làm việc hay ngày lịch', '0', [], '', '0', '', 'Cổng DVC Lào Cai (sau sáp nhập) ghi "3 NGÀY": không rõ ngày làm việc hay ngày theo lịch. Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.000286': (B14, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.010803': (B16, (['Đơn đề nghị (Mẫu số 18 NĐ 131/2021/NĐ-CP)', 'văn bản ủy quyền thờ cúng', 'bản sao chứng thực Bằng "Tổ quốc ghi công"'], 'Trước 2025 là thủ tục liên thông 3 cấp (UBND xã 03–05 ngày làm việc) — thời hạn sau 2025 chưa xác nhận', '?', ['Đơn đề nghị (Mẫu số 18 NĐ 131/2021/NĐ-CP)', 'văn bản ủy quyền thờ cúng', 'bản sao chứng thực Bằng "Tổ quốc ghi công"'], '', '?', '', 'Trước 2025 là thủ tục liên thông 3 cấp (UBND xã 03–05 ngày làm việc); thời hạn sau 2025 chưa xác nhận.')),
    '1.010833': (B16, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.010824': (B16, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.003622': (B17, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '2.002481': (B17, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.001028': (B18, (['Văn bản đăng ký (mẫu B1 Phụ lục NĐ 162/2017/NĐ-CP)'], 'Nguồn TRƯỚC 2025 không thống nhất: 12 ngày (Cao Bằng 2023) / 15 ngày (Quảng Ngãi); yêu cầu nộp chậm nhất 20 ngày trước ngày diễn ra hoạt động', '0', ['Văn bản đăng ký (mẫu B1 Phụ lục NĐ 162/2017/NĐ-CP)'], '', '0', '', 'Nguồn trước 2025 không thống nhất: 12 ngày (Cao Bằng 2023) hoặc 15 ngày (Quảng Ngãi); hồ sơ nộp chậm nhất 20 ngày trước ngày diễn ra hoạt động.')),
    '1.000748': (B19, (['Văn bản đề nghị kèm danh sách gia đình được đề nghị', 'báo cáo thành tích của gia đình', 'biên bản xét khen thưởng'], 'Giá trị TRƯỚC 2025 (Vĩnh Phúc); thủ tục TĐKT đã được sửa đổi sau Luật TĐKT 2022 — cần đối chiếu', '0', ['Văn bản đề nghị kèm danh sách gia đình được đề nghị', 'báo cáo thành tích của gia đình', 'biên bản xét khen thưởng'], '', '0', '', 'Giá trị trước 2025 (Vĩnh Phúc); thủ tục thi đua, khen thưởng đã được sửa đổi sau Luật Thi đua, khen thưởng 2022: cần đối chiếu.')),
    '1.013702': (B17, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
    '1.013703': (B17, (['?'], '', '?', [], '', '?', '', 'Thành phần hồ sơ chưa xác nhận: xem trang của thủ tục trên Cổng Dịch vụ công quốc gia.')),
}


def upgrade() -> None:
    for table, column, size, default in (
        ('procedures', 'exemptions', None, ''),
        ('procedures', 'legal_basis', None, '[]'),
        ('procedures', 'notes', None, ''),
        ('applicants', 'representative_name', 200, ''),
        ('applicants', 'representative_id_number', 12, ''),
        ('applicants', 'representative_phone', 20, ''),
        ('office', 'contact_name', 200, ''),
        ('office', 'contact_phone', 20, ''),
    ):
        kind = sa.Text() if size is None else sa.String(length=size)
        op.add_column(table, sa.Column(column, kind, server_default=default, nullable=False))
    conn = op.get_bind()
    office = conn.execute(sa.text("SELECT unit_code FROM office LIMIT 1")).first()
    if office is None:
        return  # a new office gets the current starter data when it is set up
    seq = conn.execute(
        sa.text("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value")
    ).scalar_one()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=' ')  # naive UTC, as UTCDateTime stores it
    _split_catalogue(conn, seq, now)
    _calendar(conn, office[0], seq, now)
    _former_names(conn)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _split_catalogue(conn: sa.Connection, seq: int, now: str) -> None:
    rows = conn.execute(
        sa.text("SELECT id, code, components, cutoff_note, fee, legal_basis FROM procedures")
    ).all()
    for pid, code, components, cutoff, fee, basis in rows:
        if code not in STARTER:
            continue
        legal, split = STARTER[code]
        values: dict[str, object] = {}
        if basis in ('', '[]'):
            values['legal_basis'] = legal
        if split is not None:
            old_docs, old_cutoff, old_fee, docs, new_cutoff, new_fee, exemptions, notes = split
            stored = [_clean(c) for c in json.loads(components or '[]')]
            if stored == old_docs and _clean(cutoff) == _clean(old_cutoff) and fee == old_fee:
                values.update(
                    components=json.dumps(docs, ensure_ascii=False),
                    cutoff_note=new_cutoff,
                    fee=new_fee,
                    exemptions=exemptions,
                    notes=notes,
                )
        if values:
            sets = ", ".join(f"{k} = :{k}" for k in values)
            conn.execute(
                sa.text(f"UPDATE procedures SET {sets}, change_seq = :seq, updated_at = :now, "
                        "updated_by = :actor WHERE id = :id"),
                {**values, 'seq': seq, 'now': now, 'actor': ACTOR, 'id': pid},
            )


def _calendar(conn: sa.Connection, unit: str, seq: int, now: str) -> None:
    changes = []
    for day in (date(2026, 1, 2), date(2026, 1, 10)):
        row = conn.execute(
            sa.text("SELECT id, kind FROM calendar_overrides WHERE day = :day AND source = :old"),
            {'day': day.isoformat(), 'old': OLD_NEW_YEAR_SOURCE},
        ).first()
        if row is None:
            continue  # changed by the office: its choice stands
        conn.execute(
            sa.text("UPDATE calendar_overrides SET confirmed = 1, source = :source, change_seq = :seq, "
                    "updated_at = :now, updated_by = :actor WHERE id = :id"),
            {'source': NEW_YEAR_SOURCE, 'seq': seq, 'now': now, 'actor': ACTOR, 'id': row[0]},
        )
        changes.append((day, row[1], row[1], 'Xác nhận: Công văn số 12729/VPCP-KGVX'))
    for day, note, source in PENDING:
        if conn.execute(sa.text("SELECT 1 FROM calendar_overrides WHERE day = :day"), {'day': day.isoformat()}).first():
            continue
        conn.execute(
            sa.text("INSERT INTO calendar_overrides (day, kind, note, source, confirmed, uuid, unit_code, created_at, "
                    "updated_at, updated_by, change_seq) VALUES (:day, 'day_off', :note, :source, 0, :uuid, :unit, "
                    ":now, :now, :actor, :seq)"),
            {'day': day.isoformat(), 'note': note, 'source': source, 'uuid': uuid.uuid4().hex, 'unit': unit,
             'now': now, 'actor': ACTOR, 'seq': seq},
        )
        changes.append((day, '', 'day_off', note))
    for day, old, new, note in changes:
        conn.execute(
            sa.text("INSERT INTO calendar_changes (day, old_kind, new_kind, note, uuid, unit_code, created_at, "
                    "updated_at, updated_by, change_seq) VALUES (:day, :old, :new, :note, :uuid, :unit, :now, :now, "
                    ":actor, :seq)"),
            {'day': day.isoformat(), 'old': old, 'new': new, 'note': note, 'uuid': uuid.uuid4().hex, 'unit': unit,
             'now': now, 'actor': ACTOR, 'seq': seq},
        )


def _former_names(conn: sa.Connection) -> None:
    for code, name, valid_to, source in FORMER_NAMES:
        if conn.execute(sa.text("SELECT 1 FROM admin_units WHERE code = :code"), {'code': code}).first() is None:
            continue
        known = conn.execute(
            sa.text("SELECT 1 FROM admin_unit_names WHERE unit_code = :code AND name = :name AND is_alias = 0"),
            {'code': code, 'name': name},
        ).first()
        if known is None:
            conn.execute(
                sa.text("INSERT INTO admin_unit_names (unit_code, name, valid_from, valid_to, is_alias, source, "
                        "search_key) VALUES (:code, :name, NULL, :valid_to, 0, :source, :key)"),
                {'code': code, 'name': name, 'valid_to': valid_to.isoformat(), 'source': source,
                 'key': search_key(name)},
            )


def downgrade() -> None:
    for table, column in (
        ('office', 'contact_phone'), ('office', 'contact_name'),
        ('applicants', 'representative_phone'), ('applicants', 'representative_id_number'),
        ('applicants', 'representative_name'),
        ('procedures', 'notes'), ('procedures', 'legal_basis'), ('procedures', 'exemptions'),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # SQLite >= 3.35; no table copy
