"""Adversarial accuracy cases written by a reviewer who had not seen the detectors or cases.py.

All data is fictional: UK numbers from Ofcom drama ranges, US numbers 555-01xx (or NANP-invalid
exchanges/area codes for near misses), e-mail domains .example/.test, fictional towns and streets.
"""

from harness import Case, hit, miss

UK = "https://example.co.uk/page"
US = "https://example.com/page"
JP = "https://example.jp/page"
FR = "https://example.fr/page"
DE = "https://example.de/page"
CH = "https://example.ch/page"
BR = "https://example.com.br/page"

_PHONE: list[Case] = [
    # ---- hits
    hit(
        "phone",
        "07700 900481",
        '<p>LOST DOG! Answers to "Biscuit". If found please ring Pat on <b>07700900481</b> any time, day or night.</p>',
        why="no spaces at all",
    ),
    hit(
        "phone",
        "07700 900481",
        "<dl><dt>Mobile</dt><dd>+44 (0) 7700 900 481</dd></dl>",
        url=UK,
        why="international format with bracketed trunk zero, odd grouping",
    ),
    hit(
        "phone",
        "+44 7700 900481",
        "<p>WhatsApp 0044-7700-900481 (evenings only please)</p>",
        why="00 international prefix and hyphens",
    ),
    hit(
        "phone",
        "07700 900481",
        '<p>Text me: <span class="a">07700</span> <span class="b">900</span><span class="c">481</span></p>',
        why="number split over inline elements",
    ),
    hit(
        "phone",
        "+44 7700 900481",
        '<ul class="phones"><li>077 0090 0481 &middot; Mobile &middot; first seen 2019</li></ul>',
        why="people-search listing with nonstandard grouping",
    ),
    hit(
        "phone",
        "020 7946 0123",
        "<footer>Pat Example Photography &middot; Studio 0207 946 0123 &middot; Weddings &amp; portraits</footer>",
        why="London number mis-grouped as 0207 946",
    ),
    hit(
        "phone",
        "020 7946 0123",
        '<p>Bookings: <a href="tel:+442079460123">call the studio</a></p>',
        url=UK,
        why="only the tel: link carries the number",
    ),
    hit(
        "phone",
        "0113 496 0555",
        "<table><tr><td>Tel.</td><td>(0113) 496-0555</td></tr><tr><td>Hours</td><td>9&ndash;5</td></tr></table>",
    ),
    hit(
        "phone",
        "0161 496 0872",
        "<p>Messages for the secretary, Pat Example, tel&nbsp;+44&nbsp;161&nbsp;496&nbsp;0872, or by post to the club.</p>",
        why="non-breaking spaces",
    ),
    hit(
        "phone",
        "+1 415 555 0134",
        "<p>When I am in California you can reach me at (415) 555-0134.</p>",
        url=US,
        lang="en-US",
    ),
    hit(
        "phone", "+1 415 555 0134", "<p>Cell: 415.555.0134</p>", url=US, lang="en-US", why="dotted US format"
    ),
    # ---- near misses
    miss(
        "phone",
        "07700 900481",
        "<p>Our Atlanta office: +1 770-090-0481</p>",
        why="North American number that shares the digits",
    ),
    miss(
        "phone",
        "07700 900481",
        "<p>Thanks for your order! Your order number is 7700900481. Please keep it for returns.</p>",
        why="bare digit run without trunk zero, order-number context",
    ),
    miss(
        "phone",
        "07700 900481",
        "<p>Tickets: call 07700 900418 (box office)</p>",
        why="last two digits transposed",
    ),
    miss(
        "phone",
        "020 7946 0123",
        "<p>Please pay into IBAN GB29 EXMP 2079 4601 2345 67 quoting your surname.</p>",
        why="phone digits are a substring of a bank account number",
    ),
    miss(
        "phone",
        "020 7946 0123",
        "<p>Invoice 2079460123 &mdash; amount due &pound;48.00</p>",
        why="invoice number, no trunk zero",
    ),
    miss(
        "phone",
        "0113 496 0555",
        "<pre>[1134960555] worker-3 heartbeat ok\n[1134960612] worker-3 heartbeat ok</pre>",
        why="Unix timestamps inside square brackets",
    ),
    miss("phone", "0161 496 0872", "<p>Source: https://doi.org/10.5555/1614960872</p>", why="DOI suffix"),
    miss(
        "phone",
        "0161 496 0872",
        "<p>Our US partner line is +1 (161) 496-0872.</p>",
        why="written as a North American number, not the UK one",
    ),
    miss(
        "phone",
        "+1 415 555 0134",
        "<p>New York desk: (212) 555-0134</p>",
        url=US,
        lang="en-US",
        why="same subscriber digits, different area code",
    ),
    miss(
        "phone",
        "+1 415 555 0134",
        "<p>Case reference 4155550134-B &mdash; please quote it in all correspondence.</p>",
        why="case reference, not a phone",
    ),
]

_EMAIL: list[Case] = [
    hit(
        "email",
        "pat.home@mail.example",
        "<p>Any questions about the allotments, email me: pat.home @ mail.example</p>",
        why="spaces around @",
    ),
    hit("email", "pat.home@mail.example", "<p>Contact: pat.home[at]mail[dot]example</p>"),
    hit(
        "email",
        "pat.home@mail.example",
        "<p>PAT.HOME (AT) MAIL (DOT) EXAMPLE</p>",
        why="upper case, parenthesised obfuscation",
    ),
    hit(
        "email",
        "pat.home@mail.example",
        '<p><a href="mailto:Pat.Home@Mail.Example?subject=Allotment%20waiting%20list">Write to the secretary</a></p>',
        why="mixed case in a mailto link with a query string, link text hides it",
    ),
    hit(
        "email",
        "pat.home@mail.example",
        "<p>Replies to pat.home&#64;mail&#46;example</p>",
        why="HTML entities for @ and .",
    ),
    hit(
        "email",
        "pat.home@mail.example",
        "<p>Reply to <span>pat.home</span><span>@</span><span>mail.example</span></p>",
        why="split over spans",
    ),
    hit(
        "email",
        "p.example@inbox.test",
        '<div class="sig">-- <br>Pat | p dot example at inbox dot test</div>',
        why="spelled-out obfuscation without brackets",
    ),
    hit(
        "email",
        "p.example@inbox.test",
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Pat Example","email":"mailto:p.example@inbox.test"}</script>',
    ),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Send entries to pat.homes@mail.example</p>",
        why="local part one letter longer",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Send entries to spat.home@mail.example</p>",
        why="local part has a prefix",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Old list address: pat.home@mail.example.test</p>",
        why="different domain that merely extends the known one",
    ),
    miss("email", "pat.home@mail.example", "<p>Write to pat.home@gmail.example</p>", why="different domain"),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Questions to pat@home.mail.example</p>",
        why="same tokens, different address",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Contact pathome@mail.example</p>",
        why="dots are significant outside special providers",
    ),
    miss("email", "p.example@inbox.test", "<p>My old address p.example@outbox.test is no longer read.</p>"),
]

_ADDRESS: list[Case] = [
    # Flat 3, 27 Harbour Road
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Flat 3<br>27 Harbour Rd<br>Exampleton<br>EX2 4DB</p>",
        url=UK,
        why="split across lines, Rd abbreviation",
    ),
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<table><tr><th>Address line 1</th><td>Flat 3</td></tr><tr><th>Address line 2</th><td>27 Harbour Road</td></tr><tr><th>Town</th><td>Exampleton</td></tr><tr><th>Postcode</th><td>EX2 4DB</td></tr></table>",
        why="split across table cells",
    ),
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Pat Example","address":{"@type":"PostalAddress","streetAddress":"Flat 3, 27 Harbour Road","addressLocality":"Exampleton","postalCode":"EX2 4DB","addressCountry":"GB"}}</script>',
    ),
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>FLAT 3, 27 HARBOUR ROAD, EXAMPLETON, EX24DB</p>",
        why="upper case, postcode without space",
    ),
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<ul><li>27 Harbour Rd, Flat 3 &middot; Exampleton &middot; EX2 4DB &middot; resident since 2011</li></ul>",
        why="people-search listing, flat after the street",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Minutes: the committee noted the complaint from Flat 3, 25 Harbour Road, Exampleton EX2 4DB.</p>",
        why="same flat, street and postcode, house number 25 not 27",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>For sale: Flat 27, 3 Harbour Road, Exampleton EX2 4DB &mdash; two bedrooms, sea view.</p>",
        why="flat and house numbers swapped: a different dwelling",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Resurfacing works on Harbour Road, Exampleton EX2 4DB from Monday.</p>",
        why="street and postcode only, no house number (info at most)",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Planning application: 127 Harbour Road, Exampleton EX2 4DB, rear extension.</p>",
        why="127 contains 27",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Holiday let: 27 Harbour Road, Otherton OT1 2AB</p>",
        why="same number and street name in another town and postcode",
    ),
    # 27 Tanners Lane
    hit(
        "address",
        "27 Tanners Lane, Exampleton EX9 7HT",
        "<p>Drop-off point for the jumble sale: 27 Tanners Ln., Exampleton EX9 7HT (side gate).</p>",
    ),
    hit(
        "address",
        "27 Tanners Lane, Exampleton EX9 7HT",
        '<div class="addr"><span>27</span> <span>Tanners Lane</span></div><div>Exampleton</div><div>EX9&nbsp;7HT</div>',
        why="split over elements with a non-breaking space in the postcode",
    ),
    miss(
        "address",
        "27 Tanners Lane, Exampleton EX9 7HT",
        "<p>Unit 27, Tanners Lane Industrial Estate, Exampleton EX9 7HT</p>",
        why="unit number on an industrial estate, not house 27",
    ),
    miss(
        "address",
        "27 Tanners Lane, Exampleton EX9 7HT",
        "<p>Viewing at 27a Tanners Lane, Exampleton EX9 7HT</p>",
        why="27a is a different property; house number must match exactly",
    ),
    miss(
        "address",
        "27 Tanners Lane, Exampleton EX9 7HT",
        "<p>Lost cat seen near 27 Tanners Close, Exampleton EX9 7HT</p>",
        why="Close, not Lane, though the postcode is shared",
    ),
    # 11 Kingfisher Street
    hit(
        "address",
        "11 Kingfisher Street, Otherton OT4 9PL",
        "<p>Parish council correspondence address: No. 11 Kingfisher St, Otherton, OT4 9PL</p>",
        why="No. prefix and St abbreviation",
    ),
    miss(
        "address",
        "11 Kingfisher Street, Otherton OT4 9PL",
        "<p>Meeting at 1 Kingfisher Street, Otherton OT4 9PL</p>",
        why="1 is not 11",
    ),
    miss(
        "address",
        "11 Kingfisher Street, Otherton OT4 9PL",
        "<p>Street party on Kingfisher Street, Otherton OT4 9PL &mdash; from 11 am till late!</p>",
        why="11 is a time, no house number",
    ),
    # US
    hit(
        "address",
        "418 W Larkspur Ave, Apt 12, Fernvale, OR 97399",
        "<p>418 West Larkspur Avenue, Apartment 12<br>Fernvale, OR 97399</p>",
        url=US,
        lang="en-US",
        why="abbreviations expanded",
    ),
    hit(
        "address",
        "418 W Larkspur Ave, Apt 12, Fernvale, OR 97399",
        "<p>Mail to: 418 W. Larkspur Ave. #12, Fernvale OR 97399-2210</p>",
        url=US,
        lang="en-US",
        why="# for apartment, ZIP+4, no comma before state",
    ),
    miss(
        "address",
        "418 W Larkspur Ave, Apt 12, Fernvale, OR 97399",
        "<p>418 E Larkspur Ave, Apt 12, Fernvale, OR 97399</p>",
        url=US,
        lang="en-US",
        why="East, not West",
    ),
    miss(
        "address",
        "418 W Larkspur Ave, Apt 12, Fernvale, OR 97399",
        "<p>Open house: 481 W Larkspur Ave, Fernvale, OR 97399</p>",
        url=US,
        lang="en-US",
        why="house number digits transposed",
    ),
    hit(
        "address",
        "2200 N Quarry Blvd, Suite 900, Dunmore Heights, TX 75399",
        "<p>2200 North Quarry Boulevard, Ste 900<br>Dunmore Heights, Texas 75399</p>",
        url=US,
        lang="en-US",
        why="state name written out, Ste for Suite",
    ),
    miss(
        "address",
        "2200 N Quarry Blvd, Suite 900, Dunmore Heights, TX 75399",
        "<p>220 N Quarry Blvd, Suite 900, Dunmore Heights, TX 75399</p>",
        url=US,
        lang="en-US",
        why="220 not 2200",
    ),
    # Swiss
    hit(
        "address",
        "Möwenstrasse 14, 8799 Beispielwil",
        "<p>Möwenstr. 14<br>CH-8799 Beispielwil</p>",
        url=CH,
        lang="de-CH",
        why="Str. abbreviation and CH- prefix",
    ),
    hit(
        "address",
        "Möwenstrasse 14, 8799 Beispielwil",
        "<p>Adresse: Moewenstrasse 14, 8799 Beispielwil</p>",
        url=CH,
        lang="de-CH",
        why="umlaut transliterated",
    ),
    miss(
        "address",
        "Möwenstrasse 14, 8799 Beispielwil",
        "<p>Möwenstrasse 41, 8799 Beispielwil</p>",
        url=CH,
        lang="de-CH",
        why="41 not 14",
    ),
    miss(
        "address",
        "Möwenstrasse 14, 8799 Beispielwil",
        "<p>Möwenweg 14, 8799 Beispielwil</p>",
        url=CH,
        lang="de-CH",
        why="Weg, a different street",
    ),
    # German range
    hit(
        "address",
        "Obere Landstrasse 126-128, 60399 Musterstadt",
        "<p>Obere Landstraße 126&ndash;128 &middot; D-60399 Musterstadt</p>",
        url=DE,
        lang="de",
        why="ß, en dash, D- prefix",
    ),
    miss(
        "address",
        "Obere Landstrasse 126-128, 60399 Musterstadt",
        "<p>Untere Landstr. 126-128, 60399 Musterstadt</p>",
        url=DE,
        lang="de",
        why="Untere, not Obere Landstrasse",
    ),
    # Brazil
    hit(
        "address",
        "Rua dos Ipês Amarelos 456, Vila Exemplo, 89299-901",
        "<p>R. dos Ipês Amarelos, nº 456 &ndash; Vila Exemplo &ndash; CEP 89299-901</p>",
        url=BR,
        lang="pt-BR",
        why="R. abbreviation, nº, CEP label",
    ),
    miss(
        "address",
        "Rua dos Ipês Amarelos 456, Vila Exemplo, 89299-901",
        "<p>Rua dos Ipês Amarelos, 465 &ndash; Vila Exemplo &ndash; CEP 89299-901</p>",
        url=BR,
        lang="pt-BR",
        why="465 not 456",
    ),
    # Named house, Saint/St
    hit(
        "address",
        "The Old Rectory, Church Lane, Otherton OT3 5RD",
        "<p>The Old Rectory<br>Church Ln<br>Otherton OT3 5RD</p>",
        url=UK,
        why="house name instead of a number",
    ),
    miss(
        "address",
        "The Old Rectory, Church Lane, Otherton OT3 5RD",
        "<p>Church Lane, Otherton OT3 5RD will be closed for resurfacing on 3 May.</p>",
        why="street and postcode without the house name",
    ),
    hit(
        "address",
        "9 Saint Mary's Road, Exampleton EX2 7QJ",
        "<p>Nomination papers delivered to 9 St Marys Rd, Exampleton, EX2 7QJ</p>",
        url=UK,
        why="St for Saint, apostrophe dropped",
    ),
]

_DOB: list[Case] = [
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p><b>Pat Example</b> (born 14 March 1975) is a British harbour pilot and author.</p>",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        '<table class="infobox"><tr><th>Born</th><td>Patricia Example<br>14 March 1975 (age 49)<br>Exampleton, England</td></tr><tr><th>Occupation</th><td>Harbour pilot</td></tr></table>',
        why="infobox Born label, date on its own line",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>Name: Pat Example &middot; Age: 49 &middot; Birthday: March 14, 1975</p>",
        why="people-search listing",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat Example, aged 49 (d.o.b. 14.3.75), of Harbour Road, was fined &pound;120.</p>",
        url=UK,
        why="court report, dotted d.o.b. and two-digit year",
    ),
    hit("date_of_birth", "1975-03-14", "<p>Pat Example, b. 1975-03-14, Exampleton</p>"),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>Happy birthday to our treasurer Pat, born on the 14th of March 1975 &ndash; cake in the clubhouse!</p>",
        why="ordinal with 'of'",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<h2>Pat Example (14 March 1975 &ndash; 2 June 2024)</h2><p>It is with great sadness...</p>",
        why="obituary life span: the first date is the birth date",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>1975年3月14日生まれ。港町出身の水先案内人。</p>",
        lang="ja",
        url=JP,
        why="Japanese date with 生まれ (born)",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat Example, geb. 14.03.1975 in Beispielstadt</p>",
        lang="de",
        url=DE,
        why="German geb. = born",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat Example, née le 14 mars 1975 à Exempleville</p>",
        lang="fr",
        url=FR,
        why="French née le",
    ),
    hit(
        "date_of_birth",
        "1988-11-02",
        "<p>DOB 11/02/1988 &middot; Sex F &middot; Eyes brown</p>",
        url=US,
        lang="en-US",
        why="US month-first order",
    ),
    hit(
        "date_of_birth",
        "1988-11-02",
        "<h3>Curriculum Vitae</h3><dl><dt>Date of Birth</dt><dd>2nd November 1988</dd><dt>Nationality</dt><dd>British</dd></dl>",
    ),
    hit(
        "date_of_birth",
        "1988-11-02",
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Pat Example","birthDate":"1988-11-02"}</script>',
        why="schema.org birthDate",
    ),
    # ---- near misses
    miss(
        "date_of_birth",
        "1975-03-14",
        '<div class="archive"><p class="byline">By Pat Example<br>Published 14 March 1975</p><p>Harbour dues are to rise...</p></div>',
        why="byline date in a digitised archive",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p><b>EXAMPLETON, March 14, 1975</b> &mdash; The harbour board yesterday voted to raise dues.</p>",
        why="newspaper dateline",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<header><h1>Sunday Striders</h1><p>Est. 14.03.1975</p></header>",
        why="masthead established date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        '<ol class="refs"><li>Example, P. (14 March 1975). "Tides and tolls". <i>Exampleton Gazette</i>, p. 4.</li></ol>',
        why="citation date",
    ),
    miss(
        "date_of_birth",
        "1999-05-21",
        '<div class="post"><p>Posted on 21 May 1999 by pat_e</p><p>Anyone got the tab for this song?</p></div>',
        why="forum post date",
    ),
    miss(
        "date_of_birth",
        "1999-05-21",
        "<footer>This page was last updated: 21/05/1999. Best viewed in Netscape.</footer>",
        why="last-updated footer",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        '<table class="infobox"><tr><th>Born</th><td>3 April 1952<br>Otherton</td></tr><tr><th>Spouse</th><td>Gareth Blake (m. 14 March 1975)</td></tr></table>',
        why="infobox has a Born row but the matching date is the marriage date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat's grandfather Tomos (died 14 March 1975) was the last ferryman.</p>",
        why="a death date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat joined the Birthday Club committee on 14 March 1975.</p>",
        why="'Birthday' is part of an organisation name; the date is a joining date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Tasting notes: single malt aged 12 years, distilled 14 March 1975, bottled 1987.</p>",
        why="'aged' refers to whisky; distillation date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Appendix B. Survey of 14 March 1975</p>",
        why="'B.' is an appendix label, not b. for born",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p><b>Pat Example</b> (born 1975) is a British harbour pilot.</p>",
        why="birth year only",
    ),
    miss(
        "date_of_birth",
        "1975-03-04",
        "<p>Born: 03/04/1975</p>",
        url=UK,
        lang="en-GB",
        why="on a British page 03/04/1975 is 3 April, not 4 March",
    ),
]

_RELATIVE: list[Case] = [
    hit(
        "relative",
        "Gareth Blake",
        "<p>Huge thanks to my husband Gareth for baking the cake for the coffee morning!</p>",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<p>Gareth, my other half, did all the driving to the regatta.</p>",
        why="'other half' as a relationship phrase, name first",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<table><tr><td>Blake, Gareth</td><td>Spouse</td><td>Age 52</td></tr></table>",
        why="people-search reversed name",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<p>With love from Morwenna, Gareth, Elin &amp; Tomos Blake xx</p>",
        why="list sharing a surname, ampersand",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<p>EXAMPLE, Pat. Peacefully at home. Survived by her husband of 30 years, Gareth; their children Elin and Tomos; and her sister Morwenna.</p>",
        why="obituary: husband ... Gareth with intervening words",
    ),
    hit("relative", "Gareth Blake", "<p>Pat, beloved wife of Gareth and devoted mum to Elin.</p>"),
    hit(
        "relative",
        "Gareth Blake",
        "<p>Also present: Mr Gareth J. Blake (brother-in-law).</p>",
        why="middle initial",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<h3>Possible relatives</h3><ul><li>GARETH BLAKE</li><li>MORWENNA BLAKE</li></ul>",
        why="upper case people-search",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<p>The engagement is announced between Gareth, younger son of Mr and Mrs Rhys Blake of Otherton, and Pat, daughter of Mr and Mrs Example of Exampleton.</p>",
        why="engagement notice: first name and surname separated",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<p>Pat and Gareth Blake are delighted to announce the birth of Elin.</p>",
        why="couple sharing a surname",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<p>Me and the hubby (Gareth) after the 10k!</p>",
        why="informal relationship word",
    ),
    hit("relative", "Elin Blake", "<p>Our daughter Elin starts at the big school this week.</p>"),
    hit(
        "relative",
        "Ngozi Okafor",
        "<p>Sunday lunch with the in-laws; Ngozi (wife) made jollof rice.</p>",
        why="relationship in parentheses after the name",
    ),
    hit(
        "relative",
        "Siobhán Ní Bhriain",
        "<p>Congratulations to my sister Siobhan Ni Bhriain on her graduation.</p>",
        why="accents dropped",
    ),
    hit(
        "relative",
        "Tomás Álvarez",
        "<p>Pat with stepson Tomás at the regatta.</p>",
        why="step- relationship word",
    ),
    # ---- near misses
    miss(
        "relative",
        "Gareth Blake",
        "<p>Gareth Blake-Jones, Chair of the Harbour Board, opened the meeting.</p>",
        why="longer, hyphenated surname",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>With love from Morwenna, Gareth and Elin Blake-Jones</p>",
        why="list sharing a longer surname",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>Thanks to Gareth from the grounds team for marking out the pitch.</p>",
        why="first name alone, no relationship word",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>Gareth Blakemore scored twice in the second half.</p>",
        why="surname is a prefix of a longer one",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>My husband's colleague Gareth gave us a lift home.</p>",
        why="relationship word belongs to someone else; Gareth is a colleague",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>My manager Gareth signed off the rota.</p>",
        why="not a family relationship",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>So proud of our son Gareth Bowen, who passed his driving test today.</p>",
        why="relationship word and first name, but a different surname",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>Readings by William Blake, Gareth Edwards and Dylan Thomas.</p>",
        why="'Blake, Gareth' across two different people in a list",
    ),
    miss(
        "relative",
        "Elin Blake",
        "<p>Our daughter Elinor has joined the under-12s.</p>",
        why="longer first name",
    ),
    miss("relative", "Elin Blake", "<p>Elin Blakeney won the under-12s race.</p>", why="longer surname"),
    miss(
        "relative",
        "Tomás Álvarez",
        "<p>Pat with her cousin Tomás Alvarado at the fiesta.</p>",
        why="first name with relationship word, different surname",
    ),
]

_OTHER: list[Case] = [
    hit(
        "other",
        "St Cuthbert's Primary",
        "<p>Saint Cuthbert’s Primary School summer fair &ndash; thanks to all the parents who helped!</p>",
        why="Saint, curly apostrophe, School appended",
    ),
    hit(
        "other",
        "St Cuthbert's Primary",
        "<p>St. Cuthberts R.C. Primary &mdash; Year 2 nativity photos</p>",
        why="St. with dot, no apostrophe, R.C. inserted",
    ),
    hit(
        "other",
        "St Cuthbert's Primary",
        "<p>ST CUTHBERT'S CATHOLIC PRIMARY SCHOOL<br>PTA MINUTES</p>",
        why="upper case, inserted word",
    ),
    hit(
        "other",
        "Sunday Striders running club",
        "<p>New PB for Pat at parkrun (Sunday Striders Running Club).</p>",
    ),
    hit(
        "other",
        "Sunday Striders running club",
        "<p>Results from the Sunday-Striders running club handicap</p>",
        why="hyphen",
    ),
    hit(
        "other",
        "Harbour & District Sailing Club",
        "<p>Harbour and District Sailing Club &ndash; spring series results</p>",
        why="and for &",
    ),
    hit(
        "other",
        "Harbour & District Sailing Club",
        "<p>Harbour &amp; District<br>Sailing Club</p>",
        why="line break inside the phrase",
    ),
    hit(
        "other",
        "Exampleton Montessori Nursery",
        "<p>Pick-up from Exampleton Montessori Day Nursery at 5.30</p>",
        why="inserted word",
    ),
    miss(
        "other",
        "St Cuthbert's Primary",
        "<p>Flu clinic at St Cuthbert's Primary Care Centre, Tuesday 9&ndash;12.</p>",
        why="a different institution extending the phrase",
    ),
    miss(
        "other",
        "St Cuthbert's Primary",
        "<p>Polling station for the primary: St Cuthbert's Church Hall.</p>",
        why="words present in the other order, different place",
    ),
    miss(
        "other",
        "St Cuthbert's Primary",
        "<p>Carols at St Cuthbert's Church, with children from Otherton Primary.</p>",
        why="two different institutions",
    ),
    miss(
        "other", "Sunday Striders running club", "<p>Saturday Striders running club: new members welcome.</p>"
    ),
    miss(
        "other",
        "Sunday Striders running club",
        "<p>Sunday strides along the prom with the running club were cancelled.</p>",
        why="similar words, not the club name",
    ),
    miss("other", "Harbour & District Sailing Club", "<p>Harbour &amp; District Rowing Club regatta</p>"),
    miss("other", "Exampleton Montessori Nursery", "<p>Otherton Montessori Nursery open day</p>"),
]

_TOKYO = (
    '<p>お問い合わせ: <a href="tel:0312345678">03-1234-5678</a></p>'
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness","name":"港町ベーカリー",'
    '"address":{"@type":"PostalAddress","addressCountry":"JP"}}</script>'
)

_DISCOVERED: list[Case] = [
    hit("discovered_phone", "+441134960999", "<p>Box office: 0113 496 0999 (Mon&ndash;Sat)</p>", url=UK),
    hit(
        "discovered_phone",
        "+441614960123",
        '<p><a href="tel:+44-161-496-0123">Book a table</a></p>',
        url=UK,
        why="number only in a hyphenated tel: link",
    ),
    hit("discovered_phone", "+441174960456", "<p>T: +44 (0)117 496 0456</p>"),
    hit(
        "discovered_phone",
        "+441214960321",
        '<p><a href="tel:01214960321">0121 496 0321</a></p>',
        url=UK,
        lang="en-GB",
        why="tel: without + on a British page",
    ),
    hit("discovered_phone", "+14155550134", "<p>Call us: +1 (415) 555-0134</p>", url=US, lang="en-US"),
    hit(
        "discovered_phone",
        "+442079460999",
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Example Lettings","telephone":"020 7946 0999","address":{"@type":"PostalAddress","addressCountry":"GB"}}</script>',
        why="JSON-LD telephone",
    ),
    hit(
        "discovered_email",
        "bookings@harbour-club.example",
        "<p>Enquiries: Bookings@Harbour-Club.Example</p>",
        why="mixed case, canonical lower case",
    ),
    hit(
        "discovered_email",
        "secretary@striders.test",
        '<p><a href="mailto:secretary@striders.test?subject=Membership&amp;body=Hi">Join us</a></p>',
    ),
    hit(
        "discovered_postcode", "EX2 4DB", "<p>Collection point: Harbour Road, Exampleton EX2 4DB</p>", url=UK
    ),
    hit(
        "discovered_postcode",
        "EX9 7HT",
        "<p>Return slips to Tanners Lane, Exampleton, EX97HT</p>",
        url=UK,
        why="no space",
    ),
    hit(
        "discovered_postcode",
        "EX9 8RD",
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Pat Example","address":{"@type":"PostalAddress","addressLocality":"Otherton","postalCode":"ex9 8rd","addressCountry":"GB"}}</script>',
        why="lower case in JSON-LD",
    ),
    # ---- near misses
    miss(
        "discovered_phone",
        "",
        "<p>Order ref 1134960999 has been dispatched.</p>",
        why="order number, no trunk zero",
    ),
    miss(
        "discovered_phone",
        "",
        "<pre>[1614960123] cron: backup finished</pre>",
        why="Unix timestamp in brackets",
    ),
    miss("discovered_phone", "", "<p>See https://doi.org/10.5555/1174960456 for the dataset.</p>", why="DOI"),
    miss(
        "discovered_phone",
        "",
        "<p>Further reading: ISBN 1-214-96000-6 and ISBN 978-1-174-96000-0.</p>",
        why="ISBNs",
    ),
    miss(
        "discovered_phone",
        "+44312345678",
        _TOKYO,
        url=JP,
        lang="ja",
        why="Tokyo number in a tel: link on a Japanese page is not British",
    ),
    miss(
        "discovered_phone",
        "+44123456789",
        '<p>Tél. : <a href="tel:0123456789">01 23 45 67 89</a></p>',
        url=FR,
        lang="fr",
        why="French number on a French page must not become +44",
    ),
    miss("discovered_email", "", "<p>Assets: icon@2x.png, logo@3x.png</p>", why="retina image file names"),
    miss(
        "discovered_email",
        "",
        "<p>Directions: https://maps.example/place/@51.0000,-3.0000,17z</p>",
        why="map URL with @",
    ),
    miss(
        "discovered_email",
        "",
        "<p>Run <code>npm install example-lib@2.4.1</code> then ping @pat_example.</p>",
        why="package version and social handle",
    ),
    miss(
        "discovered_email",
        "home@mail.example",
        "<p>Email: jane [dot] home [at] mail [dot] example</p>",
        why="must not truncate the obfuscated local part",
    ),
    miss(
        "discovered_postcode",
        "",
        "<p>Replacement hinge, part no. EX2 4CK</p>",
        why="inward letters C and K never occur in postcodes",
    ),
]

REVIEW: list[Case] = [*_PHONE, *_EMAIL, *_ADDRESS, *_DOB, *_RELATIVE, *_OTHER, *_DISCOVERED]
