"""The labelled accuracy table: variants that must match beside near misses that must not, per category.

Every person, number and address is fictional (the project's test-data policy), except the cases marked
`corpus=`: those are excerpts of real third-party pages in ../shared/corpus, and hold only organisations'
published contact details (head offices, switchboards), never a private person's. Where the corpus is
present they are also judged on the whole real page.

To add a case: append a `hit(...)` (the audit must report it) or a `miss(...)` (a near miss that must
raise nothing) to the list of its category, with the roster value and the page as HTML. Run
`.venv/bin/python benchmarks/bench_accuracy.py` to see the figures.
"""

from __future__ import annotations

from cases_hard import REVIEW_HARD
from cases_international import REVIEW_INTERNATIONAL
from cases_pages import REVIEW_PAGES
from cases_review import REVIEW
from cases_social import REVIEW_SOCIAL
from harness import Case, hit, miss

M = "07700 900481"  # the roster's private mobile in the phone cases

PHONES: list[Case] = [
    hit("phone", M, "<p>Call me on 07700 900481 any evening.</p>"),
    hit("phone", M, "<p>Mobile: 07700900481</p>"),
    hit("phone", M, "<p>+44 7700 900481</p>"),
    hit("phone", M, "<p>Tel: +44 (0)7700 900 481</p>"),
    hit("phone", M, "<p>+44(0)7700-900-481</p>"),
    hit("phone", M, "<p>0044 7700 900481</p>"),
    hit("phone", M, "<p>07700.900.481</p>"),
    hit("phone", M, "<p>07700-900-481</p>"),
    hit("phone", M, "<p>(07700) 900481</p>"),
    hit("phone", M, "<p>+44 07700 900481 (the usual slip)</p>"),
    hit("phone", M, "<p>077 00 90 04 81</p>"),
    hit("phone", M, "<p>Tel:07700 900481</p>"),
    hit("phone", M, "<p>Text me: 07700&nbsp;900&nbsp;481</p>"),
    hit("phone", M, "<p>Ring 07700 – 900481 after six</p>"),
    hit("phone", M, '<a href="https://wa.me/447700900481">Message me</a>'),
    hit("phone", M, '<a href="tel:+447700900481">Call</a>'),
    hit("phone", M, '<a href="tel:07700900481">Call</a>', lang="en-US", url="https://club.example.com/"),
    hit("phone", M, "<p>WhatsApp: https://api.whatsapp.com/send?phone=447700900481</p>"),
    hit(
        "phone",
        M,
        '<script type="application/ld+json">{"@type":"Person","telephone":"+447700900481"}</script>',
    ),
    hit("phone", M, "<table><tr><th>Mobile</th><td>07700 900481</td></tr></table>"),
    hit("phone", M, "<p>Contact Pat (07700 900481) for tickets.</p>"),
    hit("phone", M, "<p>Call 07700 900481 or 0113 496 0999.</p>"),
    hit("phone", M, "<p>+44 (0) 7700 900481</p>", lang="ja", url="https://example.jp/"),
    hit("phone", "+1 415 555 0134", "<p>Cell: (415) 555-0134</p>", lang="en-US"),
    hit("phone", "+1 415 555 0134", "<p>+1 415-555-0134</p>"),
    miss("phone", M, "<p>Atlanta office: +1 770-090-0481</p>", why="another country's number sharing digits"),
    miss("phone", M, "<p>Call 07700 900482</p>", why="a neighbouring number"),
    miss("phone", M, "<p>Order 1077009004812 shipped</p>"),
    miss("phone", M, "<p>Tracking number 7700900481 (Royal Mail)</p>", why="bare digits, no trunk 0"),
    miss("phone", M, "<p>Posted [1577009004] by admin</p>", why="a timestamp"),
    miss("phone", M, "<p>doi:10.1073/pnas.07700900481</p>", why="a DOI"),
    miss("phone", M, "<p>ISBN 978-0-7700-9004-8</p>"),
    miss("phone", M, "<p>Ref: 07700900481</p>", why="labelled as a reference"),
    miss("phone", M, "<p>07700 900481-2</p>"),
    miss("phone", M, "<p>version 1.07700.900481</p>"),
    miss("phone", M, "<p>£07700.90 0481</p>"),
    miss("phone", M, "<p>077009004810</p>"),
    miss("phone", "+1 415 555 0134", "<p>(415) 555-0135</p>", lang="en-US"),
]

E = "pat.home@mail.example"

EMAILS: list[Case] = [
    hit("email", E, "<p>pat.home@mail.example</p>"),
    hit("email", E, "<p>Write to PAT.HOME@MAIL.EXAMPLE today</p>"),
    hit("email", E, "<p>pat.home [at] mail [dot] example</p>"),
    hit("email", E, "<p>pat.home (at) mail.example</p>"),
    hit("email", E, "<p>pat.home {at} mail {dot} example</p>"),
    hit("email", E, "<p>pat dot home at mail dot example</p>"),
    hit("email", E, "<p>pat.home at mail.example</p>"),
    hit("email", E, "<p>pat.home @ mail.example</p>"),
    hit("email", E, "<p>pat.home@ mail.example</p>"),
    hit("email", E, "<p>pat [dot] home [at] mail [dot] example</p>"),
    hit("email", E, "<p>pat.home%40mail.example</p>"),
    hit("email", E, "<p>&lt;pat.home@mail.example&gt;</p>"),
    hit("email", E, '<a href="mailto:Pat.Home%40Mail.Example?subject=Hi">email</a>'),
    hit("email", E, "<p>reach me at pat.home (at) mail.example or by phone</p>"),
    hit("email", E, '<script type="application/ld+json">{"email":"mailto:pat.home@mail.example"}</script>'),
    hit("email", E, "<p>Email: pat.home@mail.example.</p>"),
    miss("email", E, "<p>pat.home@mail.example.org</p>"),
    miss("email", E, "<p>mary.pat.home@mail.example</p>"),
    miss("email", E, "<p>pat.homes@mail.example</p>"),
    miss("email", E, "<p>pat.home@gmail.example</p>"),
    miss("email", E, "<p>pat.home [at] mail [dot] example [dot] org</p>"),
    miss("email", E, "<p>xpat.home@mail.example</p>"),
]

ADDRESSES: list[Case] = [
    hit("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>27 Harbour Road, Exampleton EX2 4DB</p>"),
    hit("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>27 Harbour Rd, Exampleton, EX24DB</p>"),
    hit("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>27 harbour road<br>exampleton<br>ex2 4cc</p>"),
    hit(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<div>27 Harbour Road</div><div>Exampleton</div><div>EX2 4DB</div>",
    ),
    hit(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<p>We met at 27 Harbour Road, Exampleton, for tea.</p>",
    ),
    hit("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>EX2 4DB (27 Harbour Rd.)</p>"),
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Flat 3, 27 Harbour Road, Exampleton EX2 4DB</p>",
    ),
    hit(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<p>Flat 3, 27 Harbour Road, Exampleton EX2 4DB</p>",
        why="the flat of a building known by its door",
    ),
    hit("address", "126 Mill Street, Otherton OT4 9ZZ", "<p>126-128 Mill Street, Otherton OT4 9ZZ</p>"),
    hit("address", "126-128 Mill Street, Otherton OT4 9ZZ", "<p>126 Mill St, Otherton OT4 9ZZ</p>"),
    hit("address", "4 St Anne's Close, Exampleton EX3 5DD", "<p>4 Saint Annes Cl, Exampleton EX3 5DD</p>"),
    hit("address", "12 North Parade, Exampleton EX1 2AB", "<p>12 N Parade, Exampleton EX1 2AB</p>"),
    hit(
        "address",
        "Rose Cottage, Lower Lane, Exampleton EX5 7GG",
        "<p>Rose Cottage, Lower Lane, Exampleton EX5 7GG</p>",
    ),
    hit(
        "address",
        "350 West 31st Street, New York, NY 10001",
        "<p>350 W 31st St, Suite 900, New York, NY 10001</p>",
    ),
    hit(
        "address",
        "350 W 31st St, Suite 900, New York, NY 10001",
        "<p>350 West 31st Street<br>Suite 900<br>New York, NY 10001-2345</p>",
    ),
    hit(
        "address",
        "1200 Example Ave #415, Springfield, IL 62704",
        "<p>1200 Example Avenue, Apt 415, Springfield, IL 62704</p>",
    ),
    hit("address", "Seestrasse 32, 8640 Rapperswil, Switzerland", "<p>Seestr. 32<br>CH-8640 Rapperswil</p>"),
    hit(
        "address",
        "Beispielstraße 126-128, 60314 Frankfurt am Main",
        "<p>Beispielstr. 126-128, DE-60314 Frankfurt</p>",
    ),
    hit(
        "address",
        "Rua das Flores 123, Jaraguá do Sul, 89259-565",
        "<p>Rua das Flores, 123 - Jaraguá do Sul - SC, 89259-565</p>",
    ),
    hit(
        "address", "Rua das Flores 123, Jaraguá do Sul, 89259-565", "<p>Rua das Flores 123, CEP 89259565</p>"
    ),
    hit(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        '<script type="application/ld+json">{"address":{"streetAddress":"27 Harbour Road","addressLocality":"Exampleton","postalCode":"EX2 4DB"}}</script>',
    ),
    hit("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>No. 27, EX2 4DB</p>"),
    hit(
        "address",
        "Hanauer Landstrasse 126, 60314 Frankfurt am Main",
        "<p>comwrap GmbH<br>Hanauer Landstr. 126-128<br>DE-60314 Frankfurt am Main</p>",
        corpus="57b4dafd",
        why="a real page: an office address",
    ),
    hit(
        "address",
        "Zugerstr. 32, CH-6340 Baar",
        "<p>Ascom (Holding) AG, Zugerstrasse 32, CH-6340 Baar Switzerland</p>",
        corpus="5ae11e58",
    ),
    hit(
        "address",
        "450 W 31st St, Fl 4, New York, NY 10001",
        "<p>address: 450 West 31st Street, 4th Floor, New York, NY 10001</p>",
        corpus="bc13ff87",
    ),
    hit(
        "address",
        "420 Waiakamilo Rd #205, Honolulu, HI 96817",
        "<p>420 Waiakamilo Road, Suite 205<br>Honolulu, HI 96817</p>",
        corpus="f344ca5f",
    ),
    hit(
        "address",
        "1 London Bridge St, London SE1 9GF",
        "<p>Registered office: 1 London Bridge Street, London, SE1 9GF.</p>",
        corpus="8b194530",
    ),
    hit(
        "address",
        "11 W 42nd St, New York, NY 10036",
        "<p>© Future US, Inc. 11 West 42nd Street, 15th Floor, New York, NY 10036.</p>",
        corpus="3c5bf8db",
    ),
    miss(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<p>25 Harbour Road, Exampleton EX2 4DB</p>",
        why="a neighbour",
    ),
    miss(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<p>Unit 27, Harbour Road Industrial Estate, Exampleton EX2 4DB</p>",
    ),
    miss(
        "address",
        "27 Mill Lane, Exampleton EX2 4DB",
        "<p>Unit 27, Mill Lane Industrial Estate, Exampleton EX2 4DB</p>",
    ),
    miss("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>127 Harbour Road, Exampleton EX2 4DB</p>"),
    miss(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<p>27 Harbour Road, Otherton OT1 1AA</p>",
        why="the same street name in another town",
    ),
    miss("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>27 Harbour Road, Exampleton EX2 4DD</p>"),
    miss(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<p>Deliveries to EX2 4DB only; harbour road closed</p>",
    ),
    miss("address", "27 Harbour Road, Exampleton EX2 4DB", "<p>£27 parking on Harbour Road, EX2 4DB</p>"),
    miss(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        "<p>Harbour Road residents' association, EX2 4DB</p>",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Flat 5, 27 Harbour Road, Exampleton EX2 4DB</p>",
        why="another flat",
    ),
    miss(
        "address",
        "11 London Bridge Street, London SE1 9GF",
        "<p>Registered office: 1 London Bridge Street, London, SE1 9GF.</p>",
        corpus="8b194530",
    ),
    miss(
        "address",
        "350 W 31st St, Suite 901, New York, NY 10001",
        "<p>350 West 31st Street, Suite 900, New York, NY 10001</p>",
    ),
    miss(
        "address",
        "Zugerstrasse 23, 6340 Baar",
        "<p>Ascom (Holding) AG, Zugerstrasse 32, CH-6340 Baar Switzerland</p>",
        corpus="5ae11e58",
    ),
    miss(
        "address",
        "Hanauer Landstrasse 130, 60314 Frankfurt am Main",
        "<p>Hanauer Landstr. 126-128<br>DE-60314 Frankfurt am Main</p>",
        corpus="57b4dafd",
    ),
    miss(
        "address",
        "4 Morton Way, Horncastle LN9 6JR",
        "<p>Mortons Media Group Ltd, Media Centre, Morton Way, Horncastle. LN9 6JR UK</p>",
        corpus="30b771a4",
    ),
]

DOB = "1975-03-14"

DATES: list[Case] = [
    hit("date_of_birth", DOB, "<p>Pat was born on 14 March 1975 in Exampleton.</p>"),
    hit("date_of_birth", DOB, "<p>DOB: 14/03/1975</p>"),
    hit("date_of_birth", DOB, "<p>d.o.b. 14/03/75</p>"),
    hit("date_of_birth", DOB, "<p>Date of birth: 14.03.1975</p>"),
    hit("date_of_birth", DOB, "<p>Born: March 14, 1975</p>"),
    hit("date_of_birth", DOB, "<p>Pat Example (b. 14 Mar 1975) is a councillor.</p>"),
    hit("date_of_birth", DOB, "<p>Happy birthday Pat! 14th March 1975 was a good day.</p>"),
    hit("date_of_birth", DOB, "<table><tr><th>Born</th><td>14 March 1975</td></tr></table>"),
    hit("date_of_birth", DOB, "<dl><dt>Date of birth</dt><dd>1975-03-14</dd></dl>"),
    hit("date_of_birth", DOB, "<p>Pat Example, 14 March 1975 (age 50), politician</p>"),
    hit(
        "date_of_birth",
        DOB,
        '<script type="application/ld+json">{"@type":"Person","birthDate":"1975-03-14"}</script>',
    ),
    hit("date_of_birth", DOB, "<p>Birthday: 14-Mar-1975</p>"),
    hit("date_of_birth", DOB, "<p>née Example, born 14th of March, 1975</p>"),
    hit("date_of_birth", DOB, "<p>Geboren am 14. März 1975 in Exampleton</p>"),
    hit("date_of_birth", DOB, "<p>aged 49 (born 03/14/1975)</p>", lang="en-US"),
    miss("date_of_birth", DOB, "<p>By Pat Example | 14 March 1975</p>", why="a byline"),
    miss("date_of_birth", DOB, "<p>Posted on 14/03/1975 by admin</p>"),
    miss("date_of_birth", DOB, "<p>Last updated: 1975-03-14</p>"),
    miss("date_of_birth", DOB, "<p>The Exampleton Gazette — Est. 14 March 1975</p>", why="a masthead"),
    miss(
        "date_of_birth", DOB, "<p>Retrieved 14 March 1975. Archived from the original.</p>", why="a citation"
    ),
    miss(
        "date_of_birth",
        DOB,
        "<p>EXAMPLETON, March 14, 1975 (Reuters) - The council met.</p>",
        why="a dateline",
    ),
    miss("date_of_birth", DOB, "<p>Published 14.03.1975</p>"),
    miss("date_of_birth", DOB, "<p>The bridge opened on 14 March 1975.</p>", why="another event"),
    miss("date_of_birth", DOB, "<p>Minutes of the meeting held 14/03/1975</p>"),
    miss("date_of_birth", DOB, "<p>born 15 March 1975</p>"),
    miss("date_of_birth", DOB, "<p>born 14 March 1976</p>"),
    miss("date_of_birth", DOB, "<p>born in March 1975</p>"),
    miss("date_of_birth", DOB, "<p>version 2.14.03.1975</p>"),
    miss("date_of_birth", DOB, "<p>Invoice 114/03/1975</p>"),
    miss("date_of_birth", DOB, "<p>© 1975-03-14 Exampleton Press</p>"),
]

R = "Gareth Blake"

RELATIVES: list[Case] = [
    hit("relative", R, "<p>with her husband Gareth Blake</p>"),
    hit("relative", R, "<p>GARETH BLAKE spoke next.</p>"),
    hit("relative", R, "<p>Gareth<br>Blake</p>"),
    hit("relative", R, "<p>Gareth Blake's allotment</p>"),
    hit("relative", R, "<p>Blake, Gareth (treasurer)</p>"),
    hit("relative", R, "<p>Morwenna, Gareth and Elin Blake send their love.</p>"),
    hit("relative", R, "<p>Gareth &amp; Elin Blake</p>"),
    hit("relative", R, "<p>my husband Gareth came too</p>"),
    hit("relative", R, "<p>Gareth, my husband, made the cake.</p>"),
    hit("relative", R, "<p>Thanks to my partner Gareth for the photos.</p>"),
    hit("relative", R, "<p>with our sons Tom and Gareth</p>"),
    hit("relative", R, "<p>Gareth (her husband) drove.</p>"),
    hit("relative", "Elin Blake", "<p>our daughter Elin starts school</p>"),
    hit("relative", "Elin Blake", "<p>Elin, our youngest daughter, won the race</p>"),
    hit("relative", "Ngozi Adeyemi", "<p>Ngozi, my wife, and I</p>"),
    hit("relative", "Ngozi Adeyemi", "<p>Dinner with my wife Ngozi</p>"),
    hit("relative", "Ngozi Adeyemi", "<p>Adeyemi, Ngozi</p>"),
    hit("relative", "Siân O'Brien", "<p>my sister Sian O’Brien</p>"),
    hit("relative", "Siân O'Brien", "<p>Siân O’Brien</p>"),
    hit("relative", R, "<p>Mr Gareth Blake, her husband</p>"),
    miss("relative", R, "<p>Gareth Blake-Jones spoke next.</p>", why="a longer surname"),
    miss("relative", R, "<p>Gareth came to the meeting.</p>", why="a first name alone"),
    miss("relative", R, "<p>my husband Gareth Jones</p>", why="another surname"),
    miss("relative", R, "<p>Gareth Blakeley</p>"),
    miss("relative", R, "<p>William Blake and Gareth Edwards</p>"),
    miss("relative", R, "<p>My husband is away. Gareth from the club will lock up.</p>"),
    miss("relative", "Elin Blake", "<p>Elin Jones, our daughter's teacher</p>"),
    miss("relative", "Ngozi Adeyemi", "<p>Ngozi Okafor, my wife's colleague</p>"),
    miss("relative", R, "<p>the Blake family, Gareth Street</p>"),
]

S = "St Cuthbert's Primary"

OTHER: list[Case] = [
    hit("other", S, "<p>St Cuthbert's Primary</p>"),
    hit("other", S, "<p>Saint Cuthbert’s Primary School</p>"),
    hit("other", S, "<p>ST CUTHBERTS PRIMARY</p>"),
    hit("other", S, "<p>St. Cuthbert's Primary</p>"),
    hit("other", S, "<p>St Cuthbert's Catholic Primary School</p>"),
    hit("other", S, "<p>St Cuthbert's RC Primary</p>"),
    hit("other", S, "<p>St Cuthbert`s Primary</p>"),
    hit("other", "Sunday Striders running club", "<p>the Sunday Striders Running Club meets at 8</p>"),
    hit("other", "Sunday Striders running club", "<p>Sunday Striders running club newsletter</p>"),
    hit("other", "Exampleton Rugby & Cricket Club", "<p>Exampleton Rugby and Cricket Club</p>"),
    hit("other", "Exampleton Rugby and Cricket Club", "<p>Exampleton Rugby &amp; Cricket Club</p>"),
    hit("other", "Oak Hill Swimming Club", "<p>Oak Hill Swimming Club gala results</p>"),
    hit("other", "Holy Trinity Church choir", "<p>Holy Trinity Church Choir rehearsal</p>"),
    miss("other", S, "<p>St Cuthbert's Primary Care Centre</p>", why="a different institution"),
    miss("other", S, "<p>St Cuthbert's Church</p>"),
    miss("other", S, "<p>St Cuthbert's Secondary</p>"),
    miss("other", S, "<p>Primary school places at St Mary's</p>"),
    miss("other", "Sunday Striders running club", "<p>Sunday Striders</p>"),
    miss("other", "Oak Hill Swimming Club", "<p>Oak Hill Road swimming pool</p>"),
]

DISCOVERED: list[Case] = [
    hit("discovered_phone", "+447700900123", "<p>Call Pat on 07700 900123</p>"),
    hit("discovered_phone", "+441134960999", "<p>Office: 0113 496 0999</p>"),
    hit("discovered_phone", "+442079460123", "<p>+44 (0)20 7946 0123</p>"),
    hit(
        "discovered_phone",
        "+441507529529",
        "<p>Telephone: 01507 529529 | Company No. 3676192</p>",
        corpus="30b771a4",
    ),
    hit("discovered_phone", "+41415447800", "<p>Phone +41 41 544 78 00</p>", corpus="5ae11e58"),
    hit("discovered_phone", "+4969380795200", "<p>Tel.: +49 (0)69 380 795 200</p>", corpus="57b4dafd"),
    hit("discovered_phone", "+18088473246", "<p>Main (808) 847-3246</p>", lang="en-US", corpus="f344ca5f"),
    hit("discovered_phone", "+12122601332", "<p>Phone: 212-260-1332</p>", lang="en-US", corpus="bc13ff87"),
    hit(
        "discovered_phone", "+81358092727", "<p>【TEL】 03-5809-2727(代表)</p>", lang="ja", corpus="85439e26"
    ),
    hit(
        "discovered_phone",
        "+81358092727",
        '<a href="tel:03-5809-2727">電話</a>',
        lang="ja",
        url="https://example.jp/",
    ),
    hit("discovered_phone", "+15095550134", '<a href="tel:509-555-0134">Call</a>', lang="en-US"),
    hit("discovered_phone", "+447700900123", '<a href="tel:+447700900123">Call</a>'),
    miss(
        "discovered_phone",
        "",
        "<p>object identifier :10.1073/pnas.0801507105. PMC</p>",
        corpus="readability-wikipedia",
    ),
    miss("discovered_phone", "", "<p>ISBN 0-306-40615-2</p>"),
    miss("discovered_phone", "", "<p>ISBN 978-0-306-40615-7</p>"),
    miss("discovered_phone", "", "<p>[1577836800] user logged in</p>"),
    miss("discovered_phone", "", "<p>Tracking: 1Z9999999999999999</p>"),
    miss("discovered_phone", "", "<p>Parcel 7700900123</p>"),
    miss("discovered_phone", "", "<p>Invoice 01134960999</p>"),
    miss("discovered_phone", "", "<p>Company No. 3676192 | VAT No: GB 716 6328 31</p>"),
    miss("discovered_phone", "", "<p>Population 1234 567890</p>"),
    miss("discovered_phone", "", "<p>Coordinates 51.50735, -0.12776</p>"),
    miss(
        "discovered_phone",
        "",
        '<a href="tel:03-5809-2727">Tokyo</a>',
        lang="en-US",
        url="https://example.com/",
        why="not a UK or a US number",
    ),
    miss(
        "discovered_phone",
        "+441358092727",
        '<a href="tel:03-5809-2727">電話</a>',
        lang="ja",
        url="https://example.jp/",
        why="a Tokyo number is not +44",
    ),
    miss(
        "discovered_phone", "", "<p>Spokane 5094595000 readers</p>", why="a bare run with no trunk or label"
    ),
    miss("discovered_phone", "", "<p>released 2019-11-19 10:30</p>"),
    hit("discovered_email", "info@exampleton-council.example", "<p>info@exampleton-council.example</p>"),
    hit("discovered_email", "office@club.example", "<p>office [at] club [dot] example</p>"),
    hit("discovered_email", "pat.office@club.example", "<p>pat.office @ club.example</p>"),
    hit("discovered_email", "bookings@club.example", "<p>Email: bookings @ club.example</p>"),
    hit("discovered_email", "pat.office@club.example", "<p>pat [dot] office [at] club [dot] example</p>"),
    hit("discovered_email", "info@ascom.com", "<p>E-mail: info@ascom.com</p>", corpus="5ae11e58"),
    miss("discovered_email", "", "<p>follow us @ twitter.com</p>"),
    miss("discovered_email", "", '<img src="logo@2x.png" alt="">logo@2x.png'),
    miss("discovered_email", "", "<p>git clone git@github.com:example/repo.git</p>"),
    miss(
        "discovered_email",
        "office@club.example",
        "<p>pat dot office [at] club [dot] example</p>",
        why="half disguised",
    ),
    miss("discovered_email", "home@mail.example", "<p>pat [dot] home [at] mail [dot] example</p>"),
    miss("discovered_email", "", "<p>meet at noon dot com</p>"),
    hit("discovered_postcode", "EX2 4DB", "<p>Exampleton EX2 4DB</p>"),
    hit("discovered_postcode", "LN9 6JR", "<p>Morton Way, Horncastle. LN9 6JR UK</p>", corpus="30b771a4"),
    hit(
        "discovered_postcode", "SE1 9GF", "<p>1 London Bridge Street, London, SE1 9GF.</p>", corpus="8b194530"
    ),
    hit("discovered_postcode", "E14 5AP", "<p>postalcode: E14 5AP</p>"),
    miss("discovered_postcode", "", "<p>US10YT=RR fell</p>"),
    miss("discovered_postcode", "", "<p>part no. ab1 2cd</p>"),
    miss("discovered_postcode", "", "<p>Model SW1A1AA</p>"),
]

CASES: list[Case] = [
    *PHONES,
    *EMAILS,
    *ADDRESSES,
    *DATES,
    *RELATIVES,
    *OTHER,
    *DISCOVERED,
    *REVIEW,
    *REVIEW_PAGES,
    *REVIEW_INTERNATIONAL,
    *REVIEW_SOCIAL,
    *REVIEW_HARD,
]
