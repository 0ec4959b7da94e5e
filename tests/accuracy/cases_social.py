"""Where private details leak: newsletters, notices, posts, listings. Written by a fourth reviewer who had not seen the detectors.

Written without sight of the detector code. All data fictional: Ofcom drama-range phones,
.example/.test domains, fictional towns and valid-shaped fictional postcodes.
"""

from harness import Case, hit, miss

REVIEW_SOCIAL: list[Case] = [
    # ------------------------------------------------------------------ phone (10)
    hit(
        "phone",
        "07700 900481",
        "<h2>St Mary's Parish Magazine &ndash; April</h2>"
        "<p>Flower rota: volunteers please contact Pat Example on 07700&nbsp;900481 "
        "before Palm Sunday. Copy deadline 18 March.</p><p>&copy; 2024 Otherton PCC</p>",
        url="https://stmarys-otherton.example/magazine/april",
        why="nbsp inside the number",
    ),
    hit(
        "phone",
        "07700 900481",
        "<div class='newsletter'><h3>Sunday Striders &ndash; Committee</h3>"
        "<p>Membership secretary: Pat Example, +44 (0)7700 900481 (evenings only)</p>"
        "<p>Next handicap run: 12/05/2024</p></div>",
        url="https://striders.example/newsletter/42",
        why="+44 (0) international form",
    ),
    hit(
        "phone",
        "07700 900481",
        "<p>Lift share for the away fixture &mdash; ring Pat on "
        "<span class='a'>07700</span><span class='b'> 900</span><span class='c'>481</span></p>",
        why="number split across spans",
    ),
    hit(
        "phone",
        "07700 900481",
        "<article class='post'><p><b>@patexample</b> &middot; 3h</p>"
        "<p>Lost my work phone again &#128580; if you need me this weekend text 07700-900-481 x</p></article>",
        url="https://social.example/@patexample/112233",
        why="hyphen-grouped mobile in a post",
    ),
    hit(
        "phone",
        "07700 900481",
        "<pre>EXAMPLETON HARRIERS AC\nCLUB OFFICERS 2024/25\n\nChair ........ P. Example\n"
        "               Mob. 0770 090 0481\nTreasurer .... R. Morgan\n</pre>",
        why="PDF-like text with unusual digit grouping",
    ),
    miss(
        "phone",
        "07700 900481",
        "<p>Pat Example spent the summer recess in Freiburg. The twinning association's host family "
        "can be reached on +49 7700 900481.</p>",
        why="German number sharing the national digits",
    ),
    miss(
        "phone",
        "07700 900481",
        "<p>PTA car boot sale: for pitches call Si&acirc;n Morgan on 07700 900482. "
        "Pat Example will run the tombola.</p>",
        why="a different mobile one digit away",
    ),
    miss(
        "phone",
        "07700 900481",
        "<p>Thank you for your order. Order reference 7700900481. Dispatched to P Example, "
        "estimated delivery 3&ndash;5 working days.</p>",
        why="bare digit run without trunk 0 or phone context",
    ),
    hit(
        "phone",
        "0113 496 0572",
        "<h3>Minutes of Otherton Parish Council, 9 January 2024</h3>"
        "<p>7. Correspondence. Residents may contact the footpaths warden, Cllr Pat Example, "
        "at home on (0113) 4960572.</p>",
        url="https://othertonpc.example/minutes/2024-01",
        why="bracketed landline, ungrouped",
    ),
    miss(
        "phone",
        "0113 496 0572",
        "<p>Otherton Village Hall bookings: 0113 496 0527 (Mrs Gwen Price). "
        "Pat Example opened the new kitchen on Saturday.</p>",
        why="transposed final digits",
    ),
    # ------------------------------------------------------------------ email (6)
    hit(
        "email",
        "pat.home@mail.example",
        "<div class='post'><p>Re: Allotment waiting list</p><p>Happy to swap seed potatoes, "
        "drop me a line.</p><p class='sig'>-- Pat (plot 14) &middot; pat.home [at] mail [dot] example</p></div>",
        url="https://forum.example/allotments/t/5521",
        why="[at]/[dot] obfuscation",
    ),
    hit(
        "email",
        "pat.home@mail.example",
        "<p>Year 4 class rep: PAT EXAMPLE &mdash; PAT.HOME @ MAIL.EXAMPLE</p>",
        url="https://pta.example/class-reps",
        why="spaced and all caps",
    ),
    hit(
        "email",
        "pat.home@mail.example",
        "<p>Spare kit can be collected from Pat &ndash; email pat dot home at mail dot example "
        "and I'll sort it.</p>",
        why="fully spelled-out address",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Test fixtures for the club site: pat.home@mail.example.test is the sandbox account "
        "(not monitored). Pat Example, webmaster.</p>",
        why="different domain that extends the known one",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Raffle queries to pat.homer@mail.example (Pat Homer, treasurer). "
        "Pat Example donated the hamper.</p>",
        why="longer local part, another person",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        "<p>Contact the organiser Kat at kat.pat.home@mail.example. Guest speaker: Pat Example.</p>",
        why="known address is only a suffix of a longer local part",
    ),
    # ------------------------------------------------------------------ address (15)
    hit(
        "address",
        "14 Larkspur Close, Exampleton EX4 7PQ",
        "<table><tr><td>Application</td><td>23/01452/FUL</td></tr>"
        "<tr><td>Site address</td><td>14 Larkspur Close, Exampleton, EX4 7PQ</td></tr>"
        "<tr><td>Proposal</td><td>Two-storey side extension</td></tr>"
        "<tr><td>Applicant</td><td>Mr P. Example</td></tr><tr><td>Received</td><td>02/10/2023</td></tr></table>",
        url="https://planning.exampleton.example/app/23-01452",
        why="planning application site address",
    ),
    hit(
        "address",
        "14 Larkspur Close, Exampleton EX4 7PQ",
        "<h3>EXAMPLE, Pat</h3><dl><dt>Correspondence address</dt>"
        "<dd>14 Larkspur Close<br>Exampleton<br>EX4 7PQ</dd>"
        "<dt>Role</dt><dd>Director</dd><dt>Appointed on</dt><dd>1 June 2019</dd></dl>",
        url="https://officers.example/company/09999999/officers",
        why="officer listing with line breaks",
    ),
    hit(
        "address",
        "14 Larkspur Close, Exampleton EX4 7PQ",
        "<p>NOTICE OF NEIGHBOUR CONSULTATION. OWNER: PAT EXAMPLE, 14 LARKSPUR CLOSE, EXAMPLETON.</p>",
        why="all caps, town without postcode",
    ),
    hit(
        "address",
        "The Old Rectory, Church Lane, Otherton OT3 5RD",
        "<p>Coffee morning in aid of the church roof, Saturday 10am, at The Old Rectory, Church Lane, "
        "Otherton, by kind invitation of Pat Example and family.</p>",
        url="https://stmarys-otherton.example/news",
        why="house name, street, town",
    ),
    hit(
        "address",
        "The Old Rectory, Church Lane, Otherton OT3 5RD",
        "<p>Delivery: <span>The Old Rectory</span>, <span>Church Lane</span>, <span>OT3 5RD</span> "
        "&ndash; leave with Pat if no answer.</p>",
        why="house name split across spans with postcode",
    ),
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<div class='listing'><h4>Pat Example, age 45&ndash;49</h4><p>Current address:<br>Flat 3<br>"
        "27 Harbour Road<br>Exampleton EX2 4DB</p><p>Updated 4 days ago</p></div>",
        url="https://peoplefinder.example/pat-example",
        why="people-search listing",
    ),
    hit(
        "address",
        "27 Mill Lane, Otherton OT1 2HB",
        "<p>EXAMPLE, Mair. Peacefully on 2 February, aged 88. Mother of Pat. Family flowers only; "
        "donations may be sent c/o the family at 27 Mill Lane, Otherton.</p>",
        url="https://notices.example/funeral/mair-example",
        why="funeral notice, family address",
    ),
    hit(
        "address",
        "Rose Cottage, 5 Well Street, Brambleford BR7 3NU",
        "<p>Open Gardens weekend: Rose Cottage, 5 Well\nStreet, Brambleford (Pat Example) &ndash; "
        "cottage garden, teas.</p>",
        why="line break inside the street name",
    ),
    miss(
        "address",
        "14 Larkspur Close, Exampleton EX4 7PQ",
        "<p>Objection received from Pat Example (Larkspur Close) regarding application 24/00311/FUL "
        "at 16 Larkspur Close, Exampleton EX4 7PQ.</p>",
        why="neighbour's house number; person's street only",
    ),
    miss(
        "address",
        "27 Mill Lane, Otherton OT1 2HB",
        "<p>Pat Example opened the new workshop at Unit 27, Mill Lane Industrial Estate, Otherton OT1 2HB.</p>",
        why="industrial unit number, not the house number",
    ),
    miss(
        "address",
        "14 Larkspur Close, Exampleton EX4 7PQ",
        "<p>Pat Example, Larkspur Close, Exampleton EX4 7PQ, writes to say the bins were missed again.</p>",
        why="street and postcode without house number",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>Pat Example visited the lifeboat station at 27 Harbour Road, Saltmouth WX4 2TA.</p>",
        why="same number and street name in another town",
    ),
    miss(
        "address",
        "27 Mill Lane, Otherton OT1 2HB",
        "<p>Canvassing report: Pat Example knocked on 127 Mill Lane, Otherton today.</p>",
        why="longer house number containing 27",
    ),
    miss(
        "address",
        "The Old Rectory, Church Lane, Otherton OT3 5RD",
        "<p>Pat Example judged the scarecrow competition at The Old Rectory, Church Lane, Upper Wexcombe.</p>",
        why="common house name and street in another village",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        "<p>To let: Flat 27, 3 Harbour Road, Exampleton EX2 4DB. Viewings via Pat Example Lettings.</p>",
        why="flat and house numbers swapped",
    ),
    # ------------------------------------------------------------------ date_of_birth (18)
    hit(
        "date_of_birth",
        "1975-03-14",
        "<table class='infobox'><tr><th colspan='2'>Pat Example MP</th></tr>"
        "<tr><th>Assumed office</th><td>4 July 2024</td></tr>"
        "<tr><th>Born</th><td>Patricia Example<br>14 March 1975 (age&nbsp;49)<br>Exampleton</td></tr>"
        "<tr><th>Party</th><td>Independent</td></tr></table>",
        url="https://wiki.example/wiki/Pat_Example",
        why="infobox Born",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p><b>Pat Example</b> (born 14 March 1975) is a British politician who has been Member of "
        "Parliament for Exampleton since 2024.</p><p>This page was last edited on 2 January 2025.</p>",
        url="https://wiki.example/wiki/Pat_Example",
        why="lead sentence",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>New members this month: Pat Example (b. 14/03/1975), joined 01/02/2024.</p>",
        url="https://striders.example/members",
        why="b. abbreviation with numeric date",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<div class='result'><h4>Pat EXAMPLE</h4><p>DOB: 14/03/75 &middot; Exampleton</p>"
        "<p>Record updated 2024-11-30</p></div>",
        url="https://peoplefinder.example/p/1234",
        why="two-digit year",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<h2>Curriculum Vitae</h2><p>Name: Pat Example<br>Date of Birth: 14th March 1975<br>"
        "Nationality: British</p><p>2019&ndash;2024: Communications Officer</p>",
        why="CV",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>Interview: Pat Example, born March 14, 1975, grew up above the family shop.</p>"
        "<p class='byline'>By Rhys Morgan &middot; 14 June 2024</p>",
        why="month-first date with born",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<table><tr><th>Bib</th><th>Name</th><th>DOB</th><th>Cat</th><th>Time</th></tr>"
        "<tr><td>481</td><td>Pat Example</td><td>14-03-1975</td><td>V45</td><td>00:27:41</td></tr></table>",
        url="https://funrun.example/results/2024",
        why="results table DOB column",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat was born <span>14</span> <span>March</span> <span>1975</span> in Exampleton.</p>",
        why="date split across spans",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        "<p>A proud Exampleton native, Pat was born on the 14th of March, 1975, at the old cottage hospital.</p>",
        why="ordinal with 'of' and comma",
    ),
    hit(
        "date_of_birth",
        "1975-03-04",
        "<p>Member profile: Pat Example, born 04/03/1975, Exampleton.</p>",
        why="UK day-first numeric date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<header>THE EXAMPLETON PARISH NEWS &middot; Friday 14 March 1975 &middot; Price 5p</header>"
        "<p>Digitised archive, uploaded by Pat Example.</p>",
        why="masthead date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat Example (born 2 June 1968) is a British journalist.</p><ol class='references'>"
        "<li>&quot;Harbour plans approved&quot;. <i>Exampleton Gazette</i>. 14 March 1975. p. 3.</li></ol>",
        why="citation date; different birth date given",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat Example and Gareth Blake are delighted to announce the birth of their daughter Elin, "
        "born 14 March 2005, weighing 7lb 2oz.</p>",
        why="child's birth, same day and month, different year",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Exampleton Harriers was founded on 14 March 1975. Pat Example is the current chair.</p>",
        why="founding date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<h3>Minutes of the meeting held on 14 March 1975</h3><p>Present: Cllrs Price, Morgan. "
        "(Archive scanned by Pat Example.)</p>",
        why="minutes date",
    ),
    miss(
        "date_of_birth",
        "1975-03-04",
        "<p>Member profile: Pat Example, born 03/04/1975, Exampleton.</p>",
        why="UK reading is 3 April, not 4 March",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>Pat Example (born 14 March 1957) is a retired headteacher in Otherton.</p>",
        why="year digits transposed",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        "<p>EXAMPLE, Gwen (n&eacute;e Price). Died 14 March 1975. Remembered today by her grandchild Pat.</p>",
        why="death date of another person",
    ),
    # ------------------------------------------------------------------ relative (22)
    hit(
        "relative",
        "Gareth Blake",
        "<p>Out on the doorstep in Exampleton North with my husband Gareth this morning &ndash; thanks to "
        "everyone who stopped to chat!</p><p class='meta'>Posted 3 days ago by Pat Example</p>",
        why="first name after relationship word",
    ),
    hit(
        "relative",
        "Elin Blake",
        "<article><p><b>Pat Example</b> @patexample.social.example &middot; 2h</p>"
        "<p>So proud of our daughter Elin at St Cuthbert&rsquo;s sports day! &#129351; #proudmum</p></article>",
        url="https://social.example/profile/patexample/post/3k",
        why="our daughter Elin",
    ),
    hit(
        "relative",
        "Ngozi Adeyemi",
        "<div class='post'><p class='author'>PatE</p><p>Ngozi, my wife, says I spend far too long on "
        "this forum, so this will be my last post on the bypass.</p></div>",
        url="https://forum.example/t/bypass/88",
        why="name, my wife",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<h3>Officers: BLAKE &amp; EXAMPLE LTD</h3><ul><li>BLAKE, Gareth &ndash; Director &ndash; "
        "appointed 2 March 2019</li><li>EXAMPLE, Pat &ndash; Secretary</li></ul>",
        url="https://officers.example/company/08888888/officers",
        why="reversed surname, first name",
    ),
    hit(
        "relative",
        "Elin Blake",
        "<p>Congratulations to Pat Example and to Morwenna, Gareth and Elin Blake, who all completed "
        "the Otherton 10k.</p>",
        why="list sharing one surname",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<h3>Marriages</h3><p>The marriage took place on 8 June at St Mary's, Otherton, of Pat Example "
        "and Gareth Blake. The couple will live in Exampleton.</p>",
        why="wedding announcement",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<p>Best in Show went to Pat Example and Gareth Blake&rsquo;s allotment on Mill Lane.</p>",
        why="possessive with smart apostrophe",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<div class='listing'><h4>Pat Example</h4><p>Possible relatives:<br>Gareth<br>Blake<br>"
        "Mair Example</p></div>",
        url="https://peoplefinder.example/pat-example",
        why="line break inside the name",
    ),
    hit(
        "relative",
        "Tomos O'Neill",
        "<p>Raffle winners: the hamper went to Pat Example&rsquo;s nephew, Tomos O&rsquo;Neill.</p>",
        url="https://pta.example/raffle",
        why="smart apostrophe in surname",
    ),
    hit(
        "relative",
        "Ngozi Adeyemi",
        "<p><span class='n'>Ngozi</span> <span class='n'>Adeyemi</span>, wife of Pat Example, "
        "presented the prizes.</p>",
        why="name split across spans",
    ),
    hit(
        "relative",
        "Dafydd Blake",
        "<p>Huge thanks to my two sons, Tomos and Dafydd, for giving up their Saturday to deliver leaflets. "
        "&ndash; Pat</p>",
        why="second name in a list after relationship word",
    ),
    hit(
        "relative",
        "Tomos Blake",
        "<p>BLAKE, Gareth. Died peacefully on 3 May. Beloved husband of Pat and devoted father of "
        "Elin and Tomos. Funeral at Otherton Crematorium.</p>",
        url="https://notices.example/gareth-blake",
        why="obituary children list",
    ),
    hit(
        "relative",
        "Gareth Blake",
        "<pre>TEAM RESULTS\nTeam Example ..... PAT EXAMPLE, GARETH BLAKE ..... 1:02:33\n</pre>",
        why="all caps full name",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>Pat Example thanked the returning officer, Gareth Blake-Jones, and his staff.</p>",
        why="hyphenated longer surname",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>Thanks to Gareth for the sandwiches and to Pat for running the raffle.</p>",
        why="first name without relationship word",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>Pat Example and her husband&rsquo;s colleague Gareth led the litter pick.</p>",
        why="relationship word belongs to someone else",
    ),
    miss(
        "relative",
        "Elin Blake",
        "<p>Sports day: Elin Blakemore (Year 6) won the egg-and-spoon race; Pat Example presented the medals.</p>",
        why="surname extended (Blakemore)",
    ),
    miss(
        "relative",
        "Ngozi Adeyemi",
        "<p>Pat Example was joined by Councillor Rhys Morgan and his wife Ngozi at the opening.</p>",
        why="another man's wife",
    ),
    miss(
        "relative",
        "Gareth Blake",
        "<p>Thanks to the Blakes for hosting the street party. Pat Example cut the ribbon.</p>",
        why="plural surname only",
    ),
    miss(
        "relative",
        "Elin Blake",
        "<p>The choir, conducted by Elin Morgan-Blake, sang for Pat Example's constituency surgery.</p>",
        why="double-barrelled surname",
    ),
    miss(
        "relative",
        "Ngozi Adeyemi",
        "<p>Ngozi, my wife&rsquo;s colleague, ran the cake stall brilliantly. &ndash; Pat</p>",
        why="'my wife' is followed by a possessive: Ngozi is the colleague",
    ),
    miss(
        "relative",
        "Dafydd Blake",
        "<p>Pat Example helped our neighbour&rsquo;s son Dafydd fix his bike.</p>",
        why="son of the neighbour",
    ),
    # ------------------------------------------------------------------ other (12)
    hit(
        "other",
        "St Cuthbert's Primary",
        "<p>Pat Example is a parent governor at Saint Cuthbert&rsquo;s Primary School, Exampleton.</p>",
        why="Saint and smart apostrophe",
    ),
    hit(
        "other",
        "St Cuthbert's Primary",
        "<p>Our kids both go to St Cuthberts Primary so I see Pat at the gate most mornings.</p>",
        url="https://forum.example/t/school-run/12",
        why="no apostrophe",
    ),
    hit(
        "other",
        "Sunday Striders running club",
        "<p>Pat Example, a member of the Sunday Striders social running club, completed the half marathon.</p>",
        why="inserted word",
    ),
    hit(
        "other",
        "Exampleton Harriers",
        "<pre>FUN RUN RESULTS 2024\n1  PAT EXAMPLE     EXAMPLETON HARRIERS   00:19:02\n</pre>",
        why="all caps club in results",
    ),
    hit(
        "other",
        "Exampleton Harriers & Athletic Club",
        "<p>Pat Example has been elected president of Exampleton Harriers and Athletic Club.</p>",
        why="& written as and",
    ),
    hit(
        "other",
        "St Cuthbert's Primary",
        "<p>Volunteer reading helper at <span>St Cuthbert&#8217;s</span> <span>Primary</span>: Pat Example</p>",
        why="phrase split across spans",
    ),
    miss(
        "other",
        "St Cuthbert's Primary",
        "<p>Pat Example visited St Cuthbert's Primary Care Centre to discuss GP waiting times.</p>",
        why="different institution extending the phrase",
    ),
    miss(
        "other",
        "St Cuthbert's Primary",
        "<p>Pat Example read a lesson at St Cuthbert's Church on Sunday.</p>",
        why="the church, not the school",
    ),
    miss(
        "other",
        "Exampleton Harriers",
        "<p>Pat Example started the race for North Exampleton Harriers.</p>",
        why="a different club whose name contains the phrase",
    ),
    miss(
        "other",
        "Sunday Striders running club",
        "<p>Pat Example joined the Saturday Striders running club for their 5k.</p>",
        why="different day, different club",
    ),
    miss(
        "other",
        "St Cuthbert's Primary",
        "<p>Pat Example handed out certificates at St Cuthbert's Secondary Academy.</p>",
        why="secondary, not primary",
    ),
    miss(
        "other",
        "Exampleton Harriers",
        "<p>Pat Example is a season-ticket holder at Exampleton Harriers Football Club.</p>",
        why="football club extending the athletics club's name",
    ),
    # ------------------------------------------------------------------ discovered (7)
    hit(
        "discovered_phone",
        "+447700900123",
        "<p>Constituency office (Mon&ndash;Fri 10&ndash;4): 07700 900123. Pat Example MP.</p>",
        why="office mobile",
    ),
    hit(
        "discovered_email",
        "pat.office@constituency.example",
        "<p>Casework enquiries: Pat.Office@Constituency.example &middot; &copy; 2025 Pat Example</p>",
        why="mixed-case address lowercased",
    ),
    hit(
        "discovered_postcode",
        "EX2 4DB",
        "<p>Pat Example's next surgery: Harbour Road Community Hall, Exampleton EX2 4DB, "
        "Saturday 11 May.</p>",
        why="surgery venue postcode",
    ),
    miss(
        "discovered_phone",
        "",
        "<p>Application 23/01452/FUL. Fee &pound;1,250. Councillor 1998&ndash;2004. Bib no. 481. "
        "Chip time 00:41:27. Grid ref 50.7260, -3.5275. Pat Example.</p>",
        why="digit runs that are not phones",
    ),
    miss(
        "discovered_email",
        "",
        "<p>Follow Pat Example @pat_example. <img src='IMG_2044@2x.png' alt=''> "
        "Caption file IMG_2044@2x.png &middot; or find Pat at the Harbour Road surgery.</p>",
        why="handle and retina filename are not email addresses",
    ),
    miss(
        "discovered_postcode",
        "",
        "<p>Pat Example's office moved to Room B12 3AC; parking permit LN4 2CV. See the EX2 district map.</p>",
        why="postcode-shaped strings with invalid inward letters",
    ),
    miss(
        "discovered_phone",
        "+447700900123",
        "<p>Pat Example's twin-town contact in Germany: +49 7700 900123.</p>",
        why="foreign number sharing UK digits",
    ),
]
