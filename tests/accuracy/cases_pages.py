"""Whole-page accuracy cases (navigation, footers, noise) written by a second reviewer who had not seen the detectors.

Written blind (without reading the detector code). Everything is fictional: UK phone numbers from
Ofcom's drama ranges, US numbers from 555-0100..0199, domains under .example / .test, made-up streets
and towns.
"""

from __future__ import annotations

from harness import Case, hit, miss

# --------------------------------------------------------------------------------------------------
# Phone numbers (known values)
# --------------------------------------------------------------------------------------------------

PHONE: list[Case] = [
    hit(
        "phone",
        "07700 900481",
        """<header><a href="/" class="logo">Exampleton Freeads</a>
<nav><a href="/for-sale">For sale</a> | <a href="/wanted">Wanted</a> | <a href="/jobs">Jobs</a> | <a href="/post">Post an ad</a></nav></header>
<nav class="breadcrumb">Home &rsaquo; For sale &rsaquo; Kids &rsaquo; Bikes</nav>
<article class="ad">
<h1>Child's bike, 20in wheels, barely used</h1>
<p class="meta">Ad ID 4471902 &middot; Posted 3 days ago &middot; 212 views</p>
<p>Blue 20" frame, outgrown after one summer. Stabilisers and bell included. &pound;45 ono.
Collection only from the Westfield end of Exampleton.</p>
<p>Ring or text Pat on +44 (0)7700 900481 after 6pm, no time wasters please.</p>
</article>
<aside><h3>Similar ads</h3><ul><li>Scooter, folding &ndash; &pound;15</li><li>Helmet, age 5-8 &ndash; &pound;8</li><li>Balance bike &ndash; &pound;20</li></ul></aside>
<footer>&copy; 2024 Exampleton Freeads Ltd &middot; Company No. 09912345 &middot; <a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms</a></footer>""",
        why="UK mobile written with +44 (0) prefix inside a classified ad",
    ),
    hit(
        "phone",
        "+44 7700 900217",
        """<div class="forum-header"><a href="/">AllotmentTalk</a> &raquo; <a href="/f/pests">Pests &amp; diseases</a> &raquo; Slugs again</div>
<div class="post" id="p88213"><div class="author">greenfingers_22<br><small>Posts: 1,204 &middot; Joined: Mar 2016</small></div>
<div class="body"><p>Beer traps worked for me last year but this spring they are everywhere. Anyone tried nematodes?</p></div>
<div class="date">Tue 14 May 2024, 21:07</div></div>
<div class="post" id="p88219"><div class="author">PatE<br><small>Posts: 87 &middot; Joined: Aug 2021</small></div>
<div class="body"><p>I have a spare pack of nematodes from the garden centre, use by end of month. Happy to drop them round,
text me on 07700-900-217 and I'll bring them to the site gate on Saturday.</p></div>
<div class="date">Tue 14 May 2024, 21:42</div></div>
<div class="cookie-banner">We use cookies to keep you signed in. <button>Accept</button> <button>Manage</button></div>
<footer>AllotmentTalk &copy; 2009&ndash;2024. 3,412 members online.</footer>""",
        why="mobile written in national form with hyphens in a forum post",
    ),
    hit(
        "phone",
        "0113 496 0742",
        """<header><h1>Westfield Bowls Club</h1><nav><a href="/">Home</a> <a href="/fixtures">Fixtures</a> <a href="/committee">Committee</a> <a href="/join">Join</a></nav></header>
<main><h2>Committee 2024/25</h2>
<table class="committee">
<tr><th>Role</th><th>Name</th><th>Contact</th></tr>
<tr><td>Chair</td><td>R. Okafor</td><td>via club office</td></tr>
<tr><td>Secretary</td><td>J. Whitlow</td><td>0113 496 0999</td></tr>
<tr><td>Treasurer</td><td>Pat Example</td><td>(0113) 496 0742</td></tr>
<tr><td>Greenkeeper</td><td>D. Ferris</td><td>ext. 12</td></tr>
</table>
<p>Annual subscriptions of &pound;85 are due by 1 April. Rink fees &pound;4 per session.</p></main>
<footer>Westfield Bowls Club &middot; Affiliated to Bowls England &middot; Registered charity 1104321 &middot; Page views: 5,821</footer>""",
        why="Leeds number with the area code in brackets in a committee table, next to another drama number",
    ),
    hit(
        "phone",
        "020 7946 0321",
        """<div class="topbar">English | Fran&ccedil;ais | Deutsch</div>
<header><h1>International Choir Directory</h1></header>
<nav class="breadcrumb"><a href="/">Directory</a> / <a href="/uk">United Kingdom</a> / London</nav>
<section class="listing"><h2>Thameside Community Singers</h2>
<dl><dt>Rehearsals</dt><dd>Wednesdays 19:30&ndash;21:30, term time</dd>
<dt>Members</dt><dd>42 (est. 1994)</dd>
<dt>Contact</dt><dd>Pat Example, membership secretary &ndash; tel. 0044 20 7946 0321</dd>
<dt>Repertoire</dt><dd>Folk, gospel, Rutter, seasonal</dd></dl></section>
<aside>Listing #UK-00731 &middot; Last checked 02/02/2024 &middot; 1,118 views</aside>
<footer>&copy; ICD Network 2024. Listings are submitted by choirs and not verified.</footer>""",
        why="London number written with the 0044 international prefix",
    ),
    hit(
        "phone",
        "+1 415 555 0134",
        """<header><a href="/">Harborview Dental Group</a><nav><a href="/services">Services</a> &middot; <a href="/team">Our Team</a> &middot; <a href="/book">Book Online</a></nav></header>
<main><h1>Meet Our Team</h1>
<div class="card"><h2>Dr. Lena Marsh, DDS</h2><p>Practicing since 2006. Front desk: (415) 555-0100.</p></div>
<div class="card"><h2>Pat Example</h2><p>Office manager. Pat handles insurance questions and billing.
Direct line / cell for after-hours emergencies: (415) 555-0134.</p></div>
<p>Open Mon&ndash;Fri 8am&ndash;5pm. Suite 210. Most PPO plans accepted.</p></main>
<footer>&copy; 2024 Harborview Dental Group, Inc. All rights reserved. | <a href="/hipaa">HIPAA notice</a></footer>""",
        url="https://www.harborviewdental.example/team",
        lang="en-US",
        why="US number in national (415) form on a US page; roster holds it in +1 form",
    ),
    hit(
        "phone",
        "0161 496 0250",
        """<nav class="site"><a href="/">Exampleton Lettings</a> <a href="/rent">To rent</a> <a href="/landlords">Landlords</a> <a href="/contact">Contact</a></nav>
<div class="cookie">This site uses cookies. <a href="/cookies">Find out more</a> <button>OK</button></div>
<main><h1>2 bed terrace, Canal Side</h1>
<p class="price">&pound;895 pcm &middot; Available 01/09/2024 &middot; Ref EL-2291</p>
<ul><li>EPC rating C</li><li>Council tax band B</li><li>Deposit &pound;1,032</li></ul>
<p>Viewings arranged directly with the current tenant, Pat, on 0161 4960 250 (evenings).</p></main>
<footer>Exampleton Lettings Ltd, registered in England No. 07654321. Client money protection: Propertymark C0012345.</footer>""",
        why="Manchester number grouped 0161 4960 250 rather than 0161 496 0250",
    ),
    miss(
        "phone",
        "07700 900481",
        """<header><h1>Kr&auml;uterhof Supplies</h1><nav><a href="/">Home</a> | <a href="/shop">Shop</a> | <a href="/stockists">Stockists</a></nav></header>
<main><h2>Our European stockists</h2>
<table><tr><th>Country</th><th>Stockist</th><th>Telephone</th></tr>
<tr><td>Germany</td><td>Gartenhaus Beispiel GmbH</td><td>+49 7700 900481</td></tr>
<tr><td>Netherlands</td><td>De Voorbeeldtuin</td><td>see website</td></tr>
<tr><td>Belgium</td><td>Exemple Jardin SPRL</td><td>see website</td></tr></table>
<p>Delivery to the EU from &pound;12.50. Orders over &pound;150 ship free.</p></main>
<footer>&copy; 2024 Kr&auml;uterhof Supplies Ltd. VAT GB 284 5561 73.</footer>""",
        why="the digits 7700 900481 belong to a German number (+49), not the UK mobile",
    ),
    miss(
        "phone",
        "0117 496 0123",
        """<header><a href="/">DevNotes</a> <nav><a href="/posts">Posts</a> <a href="/tags">Tags</a> <a href="/about">About</a></nav></header>
<article><h1>Why our cache kept serving stale CSS</h1>
<p class="byline">By Pat Example &middot; 6 min read &middot; 1,944 views</p>
<p>The asset pipeline stamped every build with the Unix time it started. The stylesheet URL looked like
<code>/static/site.css?v=1174960123</code>, and because the CDN stripped query strings the old file stuck around.</p>
<pre>build_id: 1174960123
artifact: site-1174960123.tar.gz (412 KB)</pre>
<p>Moving the build id into the path fixed it.</p></article>
<footer>&copy; 2024 DevNotes. Content licensed CC BY 4.0.</footer>""",
        why="bare 10-digit Unix timestamp, no leading 0, no phone context",
    ),
    miss(
        "phone",
        "07700 900314",
        """<nav class="journal"><a href="/">Journal of Coastal Example Studies</a> &rsaquo; <a href="/vol/12">Vol. 12</a> &rsaquo; Issue 3</nav>
<article><h1>Sediment transport in a fictional estuary</h1>
<p class="authors">P. Example, R. Okafor, J. Whitlow</p>
<p class="doi">DOI: <a href="https://doi.example/10.7700/900314">10.7700/900314</a></p>
<p>Received 11 January 2023; accepted 4 June 2023; published online 19 July 2023.</p>
<h2>Abstract</h2><p>We model bedload across 14 tidal cycles and find a net landward flux of 2.3 t per cycle.</p>
<p>Cited by 7 &middot; Downloads 1,302</p></article>
<footer>&copy; 2023 Example Academic Press. ISSN 2049-7700.</footer>""",
        why="a DOI whose digits match the mobile without its leading 0",
    ),
    miss(
        "phone",
        "0113 496 0742",
        """<header><h1>Westfield Allotment Society</h1><nav><a href="/">Home</a> <a href="/plots">Plots</a> <a href="/contacts">Contacts</a></nav></header>
<main><h2>Useful numbers</h2>
<ul><li>Site warden (Mr D. Ferris): 0113 496 0724</li>
<li>Water board emergency line: 0113 496 0500</li>
<li>Plot waiting list enquiries: 0113 496 0999</li></ul>
<p>Plot rents for 2024 are &pound;32 (half plot) and &pound;58 (full plot). Gates locked at dusk.</p>
<p>Next working party: Sunday 9 June, 10am. 26 people attending.</p></main>
<footer>Westfield Allotment Society &middot; est. 1948 &middot; Page updated 30/05/2024</footer>""",
        why="0113 496 0724 has the last two digits transposed; no number on the page is the roster number",
    ),
    miss(
        "phone",
        "020 7946 0321",
        """<header><a href="/">ParcelTrack</a> <nav><a href="/track">Track</a> <a href="/help">Help</a></nav></header>
<main><h1>Track your delivery</h1>
<form><label>Waybill number <input value="2079460321"></label> <button>Track</button></form>
<table class="events"><tr><th>Date</th><th>Event</th><th>Location</th></tr>
<tr><td>12/06/2024 07:41</td><td>Out for delivery</td><td>Exampleton depot</td></tr>
<tr><td>11/06/2024 22:10</td><td>Arrived at hub</td><td>Midlands hub 3</td></tr>
<tr><td>11/06/2024 15:02</td><td>Collected</td><td>Seller</td></tr></table>
<p>Waybill 2079460321 &middot; 2 pieces &middot; 3.4 kg</p></main>
<footer>&copy; 2024 ParcelTrack Logistics Ltd. Company No. 11223344.</footer>""",
        why="a parcel waybill number, bare digits with no leading 0",
    ),
    miss(
        "phone",
        "0121 496 0111",
        """<header><h1>Exampleton Secondhand Books</h1><nav><a href="/">Home</a> <a href="/new">New in</a> <a href="/basket">Basket (0)</a></nav></header>
<nav class="breadcrumb">Books &rsaquo; Local history &rsaquo; Item 5521</nav>
<main><h2>Canals of the Example Valley (1979)</h2>
<ul class="details"><li>ISBN 1-21-496011-1</li><li>Hardback, 212 pages</li><li>Condition: good, dust jacket torn</li><li>Price: &pound;12.00</li></ul>
<p>Former library copy with stamp dated 3 March 1981. Foxing to endpapers.</p></main>
<aside>In stock: 1 &middot; Viewed 48 times</aside>
<footer>&copy; 2024 Exampleton Secondhand Books &middot; VAT GB 991 2345 12</footer>""",
        why="an ISBN-10 whose digits match the number without its leading 0",
    ),
]

# --------------------------------------------------------------------------------------------------
# Email addresses (known values)
# --------------------------------------------------------------------------------------------------

EMAIL: list[Case] = [
    hit(
        "email",
        "pat.home@mail.example",
        """<div class="forum-header"><a href="/">RetroConsoles Forum</a> &raquo; Marketplace &raquo; WTS: boxed handheld</div>
<div class="post"><div class="author">pat_e &middot; Posts 311</div>
<div class="body"><p>Selling my boxed handheld, all manuals, small scratch on the screen. &pound;90 posted or swap.</p>
<p>PM me or email pat.home @ mail.example (spaces added for the bots).</p></div>
<div class="sig">Currently playing: too many things</div>
<div class="date">Posted 17 Feb 2024 &middot; 63 views</div></div>
<div class="post"><div class="author">collector99</div><div class="body"><p>Would you post to Northern Ireland?</p></div></div>
<footer>RetroConsoles &copy; 2024 &middot; <a href="/rules">Rules</a></footer>""",
        why="address written with spaces around the @",
    ),
    hit(
        "email",
        "r.okafor@post.test",
        """<header><h1>Westfield Residents' Association</h1><nav><a href="/">Home</a> &middot; <a href="/minutes">Minutes</a> &middot; <a href="/contact">Contact</a></nav></header>
<main><h2>Minutes of the AGM, 21 March 2024</h2>
<p>Present: 23 members. Apologies: 4.</p>
<ol><li>The treasurer reported a balance of &pound;1,412.</li>
<li>Streetlight repairs on Canal Side are scheduled for week 18.</li>
<li>Volunteers for the litter pick should contact the coordinator at r.okafor [at] post [dot] test.</li></ol>
<p>Next meeting: 20 June 2024, 7pm, church hall.</p></main>
<footer>WRA &copy; 2024 &middot; Registered charity 1187654</footer>""",
        why="[at] and [dot] obfuscation",
    ),
    hit(
        "email",
        "jb.home@inbox.example",
        """<nav><a href="/">Exampleton Cycling</a> | <a href="/rides">Rides</a> | <a href="/routes">Routes</a></nav>
<div class="cookie">We use analytics cookies. <button>Accept all</button> <button>Reject</button></div>
<main><h1>Sunday ride: Reservoir loop (52 km)</h1>
<p>Meet 08:30 at the clock tower. Average 24 km/h, cafe stop at km 31.</p>
<p>Ride leader this week: <a href="mailto:JB.Home@Inbox.Example">JB.Home@Inbox.Example</a> &ndash; let them know by Saturday if you are coming.</p>
<p>Elevation gain 640 m. Route file: reservoir-loop-v3.gpx (updated 2 Apr 2024).</p></main>
<footer>&copy; 2024 Exampleton Cycling Club &middot; British Cycling affiliated club no. 40311</footer>""",
        why="mixed-case address in a mailto link",
    ),
    hit(
        "email",
        "pat.home@mail.example",
        """<header><a href="/">Book Swap Exampleton</a></header>
<nav class="breadcrumb">Home / Members / Wanted lists</nav>
<main><h1>Wanted lists &ndash; June</h1>
<table><tr><th>Member</th><th>Looking for</th><th>Contact</th></tr>
<tr><td>#104</td><td>Early crime paperbacks</td><td>via noticeboard</td></tr>
<tr><td>#117</td><td>Gardening, any</td><td>PAT.HOME [AT] MAIL.EXAMPLE</td></tr>
<tr><td>#122</td><td>Atlases pre-1960</td><td>via noticeboard</td></tr></table>
<p>Swap evenings are the first Thursday of each month. 38 members.</p></main>
<footer>Book Swap Exampleton &middot; Page last edited 04/06/2024</footer>""",
        why="upper-case address with [AT]",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        """<header><h1>Exampleton Photo Society</h1><nav><a href="/">Home</a> <a href="/gallery">Gallery</a> <a href="/comp">Competitions</a></nav></header>
<main><h2>Spring competition results</h2>
<ol><li>&ldquo;Harbour at dawn&rdquo; &ndash; J. Whitlow</li><li>&ldquo;Rust&rdquo; &ndash; D. Ferris</li><li>&ldquo;Gull&rdquo; &ndash; S. Pratt</li></ol>
<p>Prints can be collected from the society's archivist, spat.home@mail.example, until 30 June.</p>
<p>142 entries this year, up from 118.</p></main>
<footer>&copy; 2024 Exampleton Photo Society</footer>""",
        why="spat.home@mail.example is a different mailbox that contains the roster address as a substring",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        """<nav><a href="/">Quiz League</a> | <a href="/tables">Tables</a> | <a href="/teams">Teams</a></nav>
<main><h1>Team contacts</h1>
<ul><li>The Know-It-Owls &ndash; captain: pat.home@gmail.example</li>
<li>Quizteama Aguilera &ndash; captain: quiz.owl@post.test</li>
<li>Les Quizerables &ndash; captain: lesq@inbox.example</li></ul>
<p>Round 7 results: Owls 64, Aguilera 61, Quizerables 58. Played 12 Feb 2024.</p></main>
<aside>Views: 391</aside>
<footer>Exampleton &amp; District Quiz League &copy; 2024</footer>""",
        why="gmail.example is a different domain from mail.example",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        """<header><a href="/">HelpDesk KB</a> <nav><a href="/kb">Articles</a> <a href="/status">Status</a></nav></header>
<article><h1>Setting up mail forwarding on the test domain</h1>
<p class="meta">Article KB-2207 &middot; Updated 8 January 2024 &middot; 4 min read</p>
<p>Staging mailboxes live under a separate subdomain. For example, the forwarding rule for the
test account is <code>pat.home@mail.example.test &rarr; sandbox@mail.example.test</code>.</p>
<p>Do not forward staging mail to production addresses.</p>
<p>Was this helpful? 12 yes &middot; 3 no</p></article>
<footer>&copy; 2024 Example IT Services</footer>""",
        why="pat.home@mail.example.test is a different address in a longer domain",
    ),
    miss(
        "email",
        "pat.home@mail.example",
        """<header><h1>Lost &amp; Found Board</h1></header>
<nav class="breadcrumb">Home &rsaquo; Noticeboard &rsaquo; Found items</nav>
<main><div class="notice"><h2>Found: house keys on blue lanyard</h2>
<p>Found outside the library on 3 May 2024. Email pat-home@mail.example with a description to claim.</p>
<p class="meta">Notice #3381 &middot; 77 views</p></div>
<div class="notice"><h2>Found: child's glove</h2><p>Handed in at reception.</p></div></main>
<footer>Community noticeboard &copy; 2024</footer>""",
        why="pat-home (hyphen) is a different local part from pat.home",
    ),
]

# --------------------------------------------------------------------------------------------------
# Home addresses (known values)
# --------------------------------------------------------------------------------------------------

ADDRESS: list[Case] = [
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        """<header><h1>Exampleton District Council</h1><nav><a href="/">Home</a> <a href="/planning">Planning</a> <a href="/bins">Bins</a></nav></header>
<nav class="breadcrumb">Planning &rsaquo; Weekly list &rsaquo; Week ending 7 June 2024</nav>
<main><table class="applications">
<tr><th>Ref</th><th>Site</th><th>Proposal</th></tr>
<tr><td>24/0811/FUL</td><td>Land adj. 4 Quay Street, Exampleton EX2 4DA</td><td>Erection of cycle store</td></tr>
<tr><td>24/0814/HOU</td><td>Flat 3, 27 Harbour Rd, Exampleton, EX2 4DB</td><td>Replacement rear windows (applicant: P Example)</td></tr>
<tr><td>24/0817/LBC</td><td>The Old Customs House, Exampleton EX2 4DF</td><td>Internal alterations</td></tr></table>
<p>Comments must be received within 21 days.</p></main>
<footer>&copy; Exampleton District Council 2024</footer>""",
        why="Rd for Road in a planning list, among other addresses",
    ),
    hit(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        """<header><a href="/">Companies Register (Example)</a></header>
<main><h1>PAT EXAMPLE CONSULTING LTD</h1>
<p>Company number 12876543 &middot; Status: Active &middot; Incorporated 2 February 2021</p>
<h2>Registered office address</h2>
<table class="addr"><tr><td>27 Harbour Road</td><td>Exampleton</td><td>EX2 4DB</td></tr></table>
<h2>Nature of business (SIC)</h2><ul><li>70229 &ndash; Management consultancy</li></ul>
<h2>Filing history</h2><ul><li>14 Feb 2024 &ndash; Confirmation statement</li><li>30 Oct 2023 &ndash; Accounts (micro)</li></ul></main>
<footer>Data shown under the Open Government Licence. Viewed 1,066 times.</footer>""",
        why="address split across table cells",
    ),
    hit(
        "address",
        "1420 North Larkmoor Avenue, Springvale, OR 97301",
        """<header><a href="/">Springvale Neighbors</a> <nav><a href="/events">Events</a> &middot; <a href="/sales">Yard Sales</a></nav></header>
<main><h1>Yard Sales This Weekend</h1>
<div class="listing"><h2>Moving sale &ndash; everything must go</h2>
<p>Sat 8am&ndash;2pm. 1420 N. Larkmoor Ave., Springvale, OR 97301. Furniture, kids' clothes, tools.</p>
<p>Posted by PatE &middot; 2 hours ago &middot; 88 views</p></div>
<div class="listing"><h2>Church rummage sale</h2><p>First Example Church, 9 Elm Ct. Sat 9am.</p></div></main>
<footer>&copy; 2024 Springvale Neighbors LLC</footer>""",
        lang="en-US",
        why="N. and Ave. abbreviations",
    ),
    hit(
        "address",
        "350 W 31st St, Suite 900, Riverbend, NY 13999",
        """<header><h1>Riverbend Small Business Directory</h1><nav><a href="/">Home</a> | <a href="/categories">Categories</a> | <a href="/add">Add listing</a></nav></header>
<main><div class="biz"><h2>Example Bookkeeping</h2>
<p>Owner: Pat Example (works from home office)</p>
<p>350 West 31st Street, Suite 900<br>Riverbend, NY 13999</p>
<p>Hours: Mon&ndash;Thu 9&ndash;4 &middot; Rating 4.8 (37 reviews)</p></div>
<div class="biz"><h2>Riverside Tailors</h2><p>12 Dock St, Riverbend, NY 13998</p></div></main>
<footer>&copy; 2024 Riverbend Chamber of Commerce &middot; Listing ID 55102</footer>""",
        lang="en-US",
        why="roster abbreviated (W, St), page spelled out (West, Street) and split across lines",
    ),
    hit(
        "address",
        "2200 Ridgeway Boulevard, Suite 415, Lakeview, CA 94010",
        """<nav><a href="/">Lakeview Tutors</a> &middot; <a href="/subjects">Subjects</a> &middot; <a href="/contact">Contact</a></nav>
<div class="cookie">We use cookies for analytics. <button>Got it</button></div>
<main><h1>In-person sessions</h1>
<p>Sessions are held at the tutor's home study: 2200 Ridgeway Blvd #415, Lakeview, CA 94010.
Visitor parking is on Level P2.</p>
<ul><li>Algebra I &amp; II &ndash; $45/hr</li><li>SAT prep &ndash; $60/hr</li><li>Chemistry &ndash; $50/hr</li></ul></main>
<footer>&copy; 2024 Lakeview Tutors. Updated 03/18/2024.</footer>""",
        lang="en-US",
        why="Blvd for Boulevard and #415 for Suite 415",
    ),
    hit(
        "address",
        "Glimmerweg 14, 8640 Examplikon",
        """<header><a href="/">Atelier Beispiel</a><nav><a href="/">Start</a> | <a href="/kurse">Kurse</a> | <a href="/impressum">Impressum</a></nav></header>
<main><h1>Impressum</h1>
<p>Verantwortlich f&uuml;r den Inhalt:<br>Pat Example<br>Glimmerweg 14<br>CH-8640 Examplikon</p>
<p>UID: CHE-123.456.789 MWST</p>
<h2>Haftungsausschluss</h2><p>Der Autor &uuml;bernimmt keine Gew&auml;hr f&uuml;r die Richtigkeit der Informationen.</p></main>
<footer>&copy; 2024 Atelier Beispiel &middot; Zuletzt aktualisiert: 12.03.2024</footer>""",
        lang="de",
        url="https://www.atelier-beispiel.example.ch/impressum",
        why="Swiss imprint, address over lines with CH- postcode prefix",
    ),
    hit(
        "address",
        "Kastanienlandstrasse 12, 60314 Beispielstadt",
        """<header><h1>Flohmarkt-Kalender</h1><nav><a href="/">Start</a> &middot; <a href="/termine">Termine</a> &middot; <a href="/anmelden">Anmelden</a></nav></header>
<main><h2>Hofflohmarkt am 15.06.2024</h2>
<ul><li>Hof 1: M&uuml;hlgasse 3, DE-60311 Beispielstadt &ndash; Kinderkleidung</li>
<li>Hof 2: Kastanienlandstr. 12, DE-60314 Beispielstadt &ndash; B&uuml;cher, Platten (bei Pat Example klingeln)</li>
<li>Hof 3: Am Weiher 8, DE-60316 Beispielstadt &ndash; Werkzeug</li></ul>
<p>Beginn 10 Uhr, 34 H&ouml;fe angemeldet.</p></main>
<footer>&copy; 2024 Flohmarkt-Kalender &middot; 2.318 Aufrufe</footer>""",
        lang="de",
        url="https://www.flohmarkt.example.de/hof",
        why="Landstr. for Landstrasse, DE- prefixed postcode",
    ),
    hit(
        "address",
        "Rua dos Ipês Dourados 123, Vila Exemplo, 89259-565",
        """<header><h1>Classificados Vila Exemplo</h1><nav><a href="/">In&iacute;cio</a> | <a href="/vendas">Vendas</a> | <a href="/servicos">Servi&ccedil;os</a></nav></header>
<main><h2>Aulas de viol&atilde;o para crian&ccedil;as</h2>
<p>Aulas individuais, R$ 60 por hora. Material incluso.</p>
<p>Endere&ccedil;o: Rua dos Ip&ecirc;s Dourados, 123 &ndash; Vila Exemplo &ndash; CEP 89259-565</p>
<p>Publicado em 05/04/2024 &middot; 214 visualiza&ccedil;&otilde;es</p></main>
<aside>Outros an&uacute;ncios: Bicicleta aro 20 &ndash; R$ 250</aside>
<footer>&copy; 2024 Classificados Vila Exemplo</footer>""",
        lang="pt-BR",
        url="https://classificados.example.com.br/anuncio/8812",
        why="Brazilian format, comma before the number and CEP prefix",
    ),
    hit(
        "address",
        "126-128 Mill Lane, Exampleton EX4 2PF",
        """<nav><a href="/">Exampleton Open Studios</a> | <a href="/map">Map</a> | <a href="/artists">Artists</a></nav>
<main><h1>Venue 14: The Mill Cottages</h1>
<p>Pat Example opens the two knocked-through cottages at 126&ndash;128 Mill Ln, Exampleton EX4 2PF for the weekend.</p>
<ul><li>Sat 22 &amp; Sun 23 June, 10:00&ndash;17:00</li><li>Ceramics and linocut prints</li><li>Step-free access to the ground floor</li></ul>
<p>Nearby: Venue 15 at 3 Weir Street, Venue 16 at the Scout Hut.</p></main>
<footer>&copy; 2024 Exampleton Open Studios CIC &middot; Company No. 13456789</footer>""",
        why="house-number range with an en dash and Ln for Lane",
    ),
    hit(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        """<header><h1>Exampleton Babysitting Circle</h1><nav><a href="/">Home</a> <a href="/members">Members</a></nav></header>
<main><h2>Member card</h2>
<div class="vcard"><strong>Pat Example</strong>
<address>Flat 3<br>27 Harbour Road<br>Exampleton<br>EX2 4DB</address>
<p>Points balance: 14 &middot; Joined 2019</p></div>
<p>Circle rules: one point per hour, two after midnight.</p></main>
<footer>Circle membership list &ndash; members only &middot; Printed 01/03/2024</footer>""",
        why="address split over lines in an address element",
    ),
    hit(
        "address",
        "Birkenrainstrasse 32, CH-8805 Musterwil",
        """<header><a href="/">Turnverein Musterwil</a><nav><a href="/">Home</a> | <a href="/riegen">Riegen</a> | <a href="/kontakt">Kontakt</a></nav></header>
<main><h1>Kontakt</h1>
<p>Pr&auml;sidium: Pat Example, Birkenrainstrasse 32 &middot; 8805 Musterwil</p>
<p>Trainings: Dienstag 18:30&ndash;20:00, Turnhalle Schulhaus Dorf. Mitglieder: 128.</p>
<p>Postkonto 80-12345-6</p></main>
<footer>&copy; 2024 Turnverein Musterwil &middot; gegr&uuml;ndet 1911</footer>""",
        lang="de",
        url="https://www.tv-musterwil.example.ch/kontakt",
        why="roster has CH- prefix, page does not",
    ),
    miss(
        "address",
        "27 Harbour Road, Exampleton EX2 4DB",
        """<header><h1>Exampleton District Council</h1><nav><a href="/">Home</a> <a href="/planning">Planning</a></nav></header>
<main><h2>Application 24/0902/HOU</h2>
<dl><dt>Site address</dt><dd>29 Harbour Road, Exampleton EX2 4DB</dd>
<dt>Proposal</dt><dd>Single storey rear extension</dd>
<dt>Received</dt><dd>18 April 2024</dd>
<dt>Neighbours consulted</dt><dd>25, 31 and 33 Harbour Road</dd></dl>
<h3>Comments (2)</h3><p>&ldquo;No objection.&rdquo; &ndash; a neighbour, 2 May 2024</p></main>
<footer>&copy; Exampleton District Council 2024</footer>""",
        why="same street and postcode, different house number (29, and neighbours 25/31/33)",
    ),
    miss(
        "address",
        "5 Kestrel Park, Exampleton EX3 9LS",
        """<header><a href="/">Exampleton Trade Directory</a></header>
<nav class="breadcrumb">Directory &rsaquo; Motor trade &rsaquo; MOT centres</nav>
<main><div class="biz"><h2>Kestrel Auto Services</h2>
<p>Unit 5, Kestrel Park Industrial Estate, Exampleton EX3 9LS</p>
<p>MOTs from &pound;45. Open Mon&ndash;Sat. 4.6 stars (212 reviews).</p></div>
<div class="biz"><h2>Parkside Tyres</h2><p>Unit 11, Kestrel Park Industrial Estate</p></div></main>
<footer>&copy; 2024 Exampleton Trade Directory &middot; Listing 7781</footer>""",
        why="a unit on the industrial estate, not the residential 5 Kestrel Park",
    ),
    miss(
        "address",
        "11 Ferrier Bridge Street, Exampleton EX1 1AB",
        """<header><h1>Exampleton Heritage Trail</h1><nav><a href="/">Home</a> <a href="/stops">Stops</a></nav></header>
<main><h2>Stop 6: The Ferrier Bridge Warehouse</h2>
<p>Now offices, 1 Ferrier Bridge Street, Exampleton EX1 1AB was built in 1864 for the grain trade.</p>
<p>Look up to see the hoist beam above the third floor. Continue 200 m to Stop 7.</p>
<p>Audio guide track 06 (3:41). Photographs &copy; Exampleton Museum.</p></main>
<footer>Exampleton Heritage Trail &middot; 12,004 visitors since 2019</footer>""",
        why="1 Ferrier Bridge Street is not 11 Ferrier Bridge Street",
    ),
    miss(
        "address",
        "Flat 3, 27 Harbour Road, Exampleton EX2 4DB",
        """<header><h1>Exampleton Highways</h1><nav><a href="/">Home</a> <a href="/roadworks">Roadworks</a></nav></header>
<main><h2>Resurfacing: Harbour Road, Exampleton EX2 4DB</h2>
<p>Harbour Road will be closed between the junction with Quay Street and the slipway from
10 June to 21 June 2024, 8am&ndash;6pm. Diversion via Dock Lane.</p>
<p>Residents' parking permits remain valid on Dock Lane during the works. Scheme ref HW-3/2024.</p></main>
<footer>&copy; Exampleton District Council 2024 &middot; Page views 934</footer>""",
        why="street and postcode with no house number",
    ),
    miss(
        "address",
        "1420 North Larkmoor Avenue, Springvale, OR 97301",
        """<header><a href="/">Springvale Neighbors</a></header>
<main><h1>Lost cat: grey tabby, answers to Moss</h1>
<p>Last seen near 1402 N Larkmoor Ave, Springvale, OR 97301 on Tuesday evening. Microchipped.</p>
<p>Reward offered. Please check garages and sheds along Larkmoor between 12th and 16th.</p>
<p>Posted 06/11/2024 &middot; 3 comments &middot; 241 views</p></main>
<footer>&copy; 2024 Springvale Neighbors LLC</footer>""",
        lang="en-US",
        why="1402 is not 1420",
    ),
    miss(
        "address",
        "Glimmerweg 14, 8640 Examplikon",
        """<header><a href="/">Gemeinde Examplikon</a><nav><a href="/">Start</a> | <a href="/aktuell">Aktuell</a></nav></header>
<main><h1>Baugesuche</h1>
<ul><li>Bauherrschaft: Muster AG. Bauobjekt: Glimmerweg 41, 8640 Examplikon. Ersatz Heizung.</li>
<li>Bauherrschaft: Beispiel GmbH. Bauobjekt: Seeblick 2, 8640 Examplikon. Anbau Velounterstand.</li></ul>
<p>Auflage vom 03.05.2024 bis 23.05.2024.</p></main>
<footer>&copy; 2024 Gemeinde Examplikon</footer>""",
        lang="de",
        url="https://www.examplikon.example.ch/baugesuche",
        why="Glimmerweg 41, not 14",
    ),
    miss(
        "address",
        "Rua dos Ipês Dourados 123, Vila Exemplo, 89259-565",
        """<header><h1>Classificados Vila Exemplo</h1></header>
<main><h2>Vende-se casa 3 quartos</h2>
<p>Rua dos Ip&ecirc;s Dourados, 132 &ndash; Vila Exemplo &ndash; CEP 89259-565. Terreno 360 m&sup2;.</p>
<p>Valor: R$ 480.000. Aceita financiamento.</p>
<p>Publicado em 12/05/2024 &middot; 97 visualiza&ccedil;&otilde;es</p></main>
<footer>&copy; 2024 Classificados Vila Exemplo</footer>""",
        lang="pt-BR",
        url="https://classificados.example.com.br/anuncio/9044",
        why="house 132, not 123",
    ),
    miss(
        "address",
        "126 Mill Lane, Exampleton EX4 2PF",
        """<header><h1>Otherford Gazette</h1><nav><a href="/">News</a> <a href="/sport">Sport</a></nav></header>
<article><h2>Fire crews called to kitchen blaze</h2>
<p class="byline">By Gazette reporter &middot; 9 May 2024</p>
<p>Two appliances attended a house at 126 Mill Lane, Otherford OX9 3QT, shortly after 7pm.
Nobody was hurt. Crews used one hose reel.</p>
<p>Mill Lane was closed for about an hour.</p></article>
<footer>&copy; 2024 Otherford Gazette Ltd</footer>""",
        why="same number and street name in a different town and postcode",
    ),
    miss(
        "address",
        "350 W 31st St, Suite 900, Riverbend, NY 13999",
        """<header><h1>Riverbend Small Business Directory</h1></header>
<main><div class="biz"><h2>Harbor Legal Aid</h2>
<p>530 W 31st St, Suite 900, Riverbend, NY 13999</p>
<p>Free consultations Tuesdays. Spanish spoken.</p></div>
<div class="biz"><h2>Riverbend Print</h2><p>35 W 13th St, Riverbend, NY 13999</p></div></main>
<footer>&copy; 2024 Riverbend Chamber of Commerce</footer>""",
        lang="en-US",
        why="530 (and 35 W 13th) are not 350 W 31st",
    ),
]

# --------------------------------------------------------------------------------------------------
# Dates of birth (known values)
# --------------------------------------------------------------------------------------------------

DOB: list[Case] = [
    hit(
        "date_of_birth",
        "1975-03-14",
        """<header><a href="/">ExampleWiki</a> <input placeholder="Search"></header>
<main><h1>Pat Example</h1>
<table class="infobox"><tr><th colspan="2">Pat Example</th></tr>
<tr><th>Born</th><td>14 March 1975<br>Exampleton</td></tr>
<tr><th>Occupation</th><td>Harbour master</td></tr>
<tr><th>Years active</th><td>1998&ndash;present</td></tr></table>
<p>Pat Example is a harbour master and local historian. In 2011 they published a history of the Exampleton lifeboat.</p>
<p>This page was last edited on 2 May 2024, at 11:20.</p></main>
<footer>Text is available under CC BY-SA 4.0.</footer>""",
        why="infobox Born row",
    ),
    hit(
        "date_of_birth",
        "1982-11-05",
        """<header><h1>Example Family Tree</h1><nav><a href="/">Home</a> <a href="/tree">Tree</a> <a href="/sources">Sources</a></nav></header>
<main><h2>Descendants of Thomas Example (1901&ndash;1977)</h2>
<ul><li>Margaret Example (b. 12 Jan 1931, d. 1999)
<ul><li>Robert Example (b. 3 Aug 1955)<ul><li>Pat Example (b. 5 Nov 1982)</li><li>Sam Example (b. 1985)</li></ul></li></ul></li></ul>
<p>Sources: parish registers, 1921 census.</p></main>
<footer>Family tree maintained since 2006 &middot; 412 people</footer>""",
        why="b. with abbreviated month in a genealogy list",
    ),
    hit(
        "date_of_birth",
        "1990-07-23",
        """<header><a href="/">Exampleton Netball League</a></header>
<main><h1>Player registration &ndash; season 2024</h1>
<table><tr><th>Reg no.</th><th>Name</th><th>DOB</th><th>Team</th></tr>
<tr><td>NL-0412</td><td>A. Whitlow</td><td>withheld</td><td>Harbour Hawks</td></tr>
<tr><td>NL-0413</td><td>Pat Example</td><td>23/07/1990</td><td>Harbour Hawks</td></tr>
<tr><td>NL-0414</td><td>S. Pratt</td><td>withheld</td><td>Mill Lane Magpies</td></tr></table>
<p>Registration closes 31/08/2024. Fee &pound;25.</p></main>
<footer>&copy; 2024 ENL &middot; Affiliated club 00318</footer>""",
        why="DOB column header in a table, not on the same line as the date",
    ),
    hit(
        "date_of_birth",
        "1968-01-30",
        """<header><h1>Springvale County Court Records</h1><nav><a href="/">Search</a> | <a href="/help">Help</a></nav></header>
<main><h2>Case 24-CV-01187</h2>
<dl><dt>Filed</dt><dd>February 12, 2024</dd>
<dt>Defendant</dt><dd>Pat Example</dd>
<dt>Date of birth</dt><dd>January 30, 1968</dd>
<dt>Next hearing</dt><dd>July 8, 2024, 9:00 AM, Courtroom 3B</dd></dl></main>
<footer>Records are provided for information only. &copy; 2024 Springvale County</footer>""",
        lang="en-US",
        why="US month-first date with date-of-birth label",
    ),
    hit(
        "date_of_birth",
        "1975-03-14",
        """<header><a href="/">Springvale Runners</a></header>
<main><h1>Member spotlight: Pat Example</h1>
<p class="byline">Posted 04/02/2024 by the club newsletter team</p>
<p>Pat (born 03/14/1975) took up running at 40 and has since finished 11 marathons, with a best of 3:28 in Boston in 2019.</p>
<p>Favorite route: the river trail loop, 10.2 miles.</p>
<div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a></div></main>
<footer>&copy; 2024 Springvale Runners Club</footer>""",
        lang="en-US",
        url="https://www.springvale-runners.example/spotlight",
        why="US-format date with born, next to an unrelated posted date",
    ),
    hit(
        "date_of_birth",
        "2001-09-09",
        """<header><h1>Harbour Hawks Squad 2024</h1><nav><a href="/">Home</a> <a href="/fixtures">Fixtures</a></nav></header>
<main><div class="player"><h2>#7 Pat Example</h2>
<ul><li>Position: Wing Attack</li><li>Birthday: 9 Sept 2001</li><li>Joined: 2017</li><li>Caps: 64</li></ul></div>
<div class="player"><h2>#4 J. Whitlow</h2><ul><li>Position: Centre</li><li>Joined: 2020</li></ul></div>
<p>Next fixture: Sat 15 June vs Mill Lane Magpies.</p></main>
<footer>&copy; 2024 Harbour Hawks NC</footer>""",
        why="Birthday label, Sept abbreviation",
    ),
    hit(
        "date_of_birth",
        "1959-12-02",
        """<header><h1>Exampleton Gazette</h1><nav><a href="/">News</a> <a href="/courts">Courts</a> <a href="/sport">Sport</a></nav></header>
<article><h2>Magistrates' court round-up</h2>
<p class="byline">By Court Reporter &middot; 21 May 2024</p>
<ul><li>Pat Example, 02.12.1959, aged 64, of Quay Street, Exampleton. Speeding on the A3099. Fined &pound;220.</li>
<li>Sam Example, aged 31, of Dock Lane. No insurance. Six points.</li></ul>
<p>Cases heard on 14 May 2024.</p></article>
<footer>&copy; 2024 Exampleton Gazette Ltd &middot; Registered in England 03345678</footer>""",
        why="court listing with date followed by aged",
    ),
    hit(
        "date_of_birth",
        "1986-04-17",
        """<nav><a href="/">ProfileHub</a> &middot; <a href="/people">People</a> &middot; <a href="/login">Log in</a></nav>
<main><div class="profile-card"><h1>Pat Example</h1>
<p>Born 1986-04-17 in Exampleton &middot; Lives in Otherford</p>
<p>Works at Example Bookkeeping &middot; 312 connections</p></div>
<section><h2>Activity</h2><ul><li>2024-05-30: shared a post</li><li>2024-05-12: joined group &ldquo;Exampleton Cyclists&rdquo;</li></ul></section></main>
<footer>&copy; 2024 ProfileHub</footer>""",
        why="ISO date after Born, near other ISO activity dates",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        """<header><h1>Exampleton Gazette Archive</h1><nav><a href="/">Archive</a> <a href="/decades/1970s">1970s</a></nav></header>
<article><h2>New lifeboat named at harbour ceremony</h2>
<p class="byline">By Pat Example &middot; Originally published 14 March 1975</p>
<p>Hundreds turned out on Harbour Road to see the new boat named. The crew of nine were presented to the mayor.</p>
<p>Scanned from microfilm, page 3.</p></article>
<aside>Digitised 2019 &middot; 512 views</aside>
<footer>&copy; Exampleton Gazette Ltd</footer>""",
        why="publication date in a byline",
    ),
    miss(
        "date_of_birth",
        "2019-06-02",
        """<header><a href="/">Exampleton Tourist Info</a><nav><a href="/">Home</a> <a href="/walks">Walks</a></nav></header>
<main><h1>Clifftop walk (7 km)</h1>
<p>Start at the harbour car park. Allow 2&frac12; hours. Some steep steps near the coastguard lookout.</p>
<ol><li>Follow the sea wall east.</li><li>Climb to the lookout.</li><li>Return via the old railway path.</li></ol>
<p class="updated">Last updated: 2 June 2019</p></main>
<footer>&copy; Exampleton Tourism Partnership</footer>""",
        why="last-updated date",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        """<header class="masthead"><h1>The Exampleton Clarion</h1><p>Est. 14 March 1975 &middot; Independent community news</p>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/letters">Letters</a></nav></header>
<main><h2>Letters: parking on Quay Street</h2>
<p>Sir &ndash; the new yellow lines have pushed traffic onto Harbour Road. Pat Example, Exampleton</p>
<p>Sir &ndash; thank you to the volunteers at the lifeboat open day. J. Whitlow</p></main>
<footer>&copy; 2024 The Exampleton Clarion</footer>""",
        why="masthead establishment date",
    ),
    miss(
        "date_of_birth",
        "1988-10-21",
        """<header><a href="/">Example Coastal Research Group</a></header>
<main><h1>Publications</h1>
<ol class="refs">
<li>Example, P. (21 October 1988). &ldquo;Tidal patterns in a fictional estuary&rdquo;. <i>Journal of Coastal Example Studies</i> 4 (2): 33&ndash;41.</li>
<li>Okafor, R.; Example, P. (3 March 1992). &ldquo;Bedload revisited&rdquo;. <i>Example Geography</i> 11: 101&ndash;118.</li></ol>
<p>Full texts available on request.</p></main>
<footer>Page maintained by the group secretary &middot; 207 views</footer>""",
        why="publication date in a citation",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        """<header><h1>Exampleton Gazette Archive</h1></header>
<article><h2>Harbour strike ends after nine days</h2>
<p class="dateline">EXAMPLETON, March 14, 1975 &mdash; Dock workers voted to return to work this morning after talks with the harbour board.</p>
<p>Union spokesman Pat Example said the agreement was &ldquo;fair to both sides&rdquo;.</p></article>
<aside>Related: Port expansion approved (1976)</aside>
<footer>&copy; Exampleton Gazette Ltd &middot; Digitised 2019</footer>""",
        why="newspaper dateline",
    ),
    miss(
        "date_of_birth",
        "1975-03-14",
        """<header><a href="/">ExampleWiki</a></header>
<main><h1>Pat Example (footballer)</h1>
<table class="infobox"><tr><th>Born</th><td>14 March 1976<br>Otherford</td></tr>
<tr><th>Position</th><td>Goalkeeper</td></tr><tr><th>Clubs</th><td>Otherford Town (1994&ndash;2006)</td></tr></table>
<p>Not to be confused with the harbour master of the same name.</p>
<p>This page was last edited on 14 March 2024.</p></main>
<footer>Text is available under CC BY-SA 4.0.</footer>""",
        why="born date one year off; same day and month appear only in an edit date",
    ),
    miss(
        "date_of_birth",
        "1982-11-05",
        """<header><h1>Shop Local Exampleton</h1><nav><a href="/">Home</a> <a href="/stories">Stories</a></nav></header>
<article><h2>Forty years of Example Hardware</h2>
<p class="byline">Feature &middot; 3 min read</p>
<p>Pat, who was born and raised on Quay Street, took over the family shop when their parents retired.
The shop first opened its doors on 5 November 1982, bonfire night, and has sold fireworks every autumn since.</p>
<p>Open Mon&ndash;Sat 9&ndash;5:30.</p></article>
<footer>&copy; 2024 Shop Local Exampleton</footer>""",
        why="born appears in the paragraph but the date is the shop's opening day",
    ),
]

# --------------------------------------------------------------------------------------------------
# Relatives (known values)
# --------------------------------------------------------------------------------------------------

RELATIVE: list[Case] = [
    hit(
        "relative",
        "Gareth Blake",
        """<header><h1>Exampleton Gazette</h1><nav><a href="/">News</a> <a href="/notices">Family notices</a></nav></header>
<main>
<h2>Anniversaries</h2>
<div class="notice"><h3>EXAMPLE &ndash; Ruby wedding</h3>
<p>Pat Example and her husband, Gareth, celebrate forty years of marriage on 2 May 2024. Married at St Mary's, Exampleton.
Love from all the family and friends at the bowls club.</p></div>
<div class="notice"><h3>PRATT &ndash; Golden wedding</h3><p>Stanley and June, 29 April 2024.</p></div></main>
<footer>&copy; 2024 Exampleton Gazette Ltd &middot; 1,880 views</footer>""",
        why="first name alone after 'her husband'",
    ),
    hit(
        "relative",
        "Gareth Blake",
        """<header><a href="/">Exampleton Ramblers</a> <nav><a href="/walks">Walks</a> | <a href="/docs">Documents</a></nav></header>
<main><h1>Coach trip to the Lakes &ndash; passenger list</h1>
<p class="warning">Shared document &middot; last edited 11/01/2024 &middot; 74 views</p>
<table><tr><th>Seat</th><th>Passenger</th><th>Emergency contact</th></tr>
<tr><td>12</td><td>Pat Example</td><td>Blake, Gareth (brother)</td></tr>
<tr><td>13</td><td>June Whitlow</td><td>Whitlow, Tom (son)</td></tr></table>
<p>Coach leaves the harbour car park at 7:15 on 2 March 2024. Fare &pound;38.</p></main>
<footer>&copy; 2024 Exampleton Ramblers Group 214</footer>""",
        why="reversed Surname, First name with relationship word",
    ),
    hit(
        "relative",
        "Gareth Blake",
        """<nav><a href="/">Exampleton Hospice</a> | <a href="/donate">Donate</a> | <a href="/tributes">Tributes</a></nav>
<main><h1>Pat Example's sponsored coast walk</h1>
<p>Raised &pound;2,340 of &pound;3,000 target &middot; 88 donors</p>
<blockquote>&ldquo;Go Mum! So proud of you. Love from Morwenna, Gareth and Elin Blake.&rdquo;</blockquote>
<ul class="donors"><li>J. Whitlow &ndash; &pound;20</li><li>Bowls club &ndash; &pound;150</li><li>Anonymous &ndash; &pound;50</li></ul></main>
<footer>&copy; 2024 Exampleton Hospice, registered charity 1034567</footer>""",
        why="list of first names sharing one surname",
    ),
    hit(
        "relative",
        "Anjali Mehta",
        """<header><h1>Otherford Herald</h1><nav><a href="/">Home</a> <a href="/celebrations">Celebrations</a></nav></header>
<main><h2>Weddings</h2>
<p>Pat and Sam Example are delighted to announce the marriage of their daughter Anjali to Tom Whitlow,
at Otherford Register Office on 18 May 2024. The couple will honeymoon in Portugal.</p>
<p>Photo: Example Studios</p>
<div class="share">Share <a href="#">Facebook</a> <a href="#">Email</a></div></main>
<footer>&copy; 2024 Otherford Herald &middot; 603 views</footer>""",
        why="first name alone after 'their daughter'",
    ),
    hit(
        "relative",
        "Dafydd Price",
        """<header><a href="/">Cwm Example Chapel</a><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
<main><h1>Harvest supper 2023</h1>
<p>Thank you to everyone who came on 30 September. Special thanks to Dafydd and Si&acirc;n Price for the cawl,
and to Pat Example, their neighbour, for the bara brith.</p>
<p>We raised &pound;412 for the roof fund. 64 people attended.</p></main>
<footer>&copy; 2023 Cwm Example Chapel &middot; Registered charity 1123456</footer>""",
        why="two first names sharing a surname",
    ),
    hit(
        "relative",
        "Tomasz Nowak",
        """<header><h1>Exampleton Juniors FC</h1><nav><a href="/">Home</a> <a href="/teams">Teams</a> <a href="/results">Results</a></nav></header>
<main><h2>U12 squad photos</h2>
<p>Back row: O. Pratt, L. Ferris, Tomasz Nowak (Pat's son), R. Whitlow.</p>
<p>Front row: J. Ferris, A. Okafor, M. Singh.</p>
<p>Season record: P18 W11 D3 L4. Goals for 47.</p></main>
<footer>&copy; 2024 Exampleton Juniors FC &middot; FA Charter Standard</footer>""",
        why="full name with relationship in brackets",
    ),
    hit(
        "relative",
        "Siobhan O'Neill",
        """<div class="blog-header"><a href="/">Pat's Kitchen Notes</a> <nav><a href="/recipes">Recipes</a> <a href="/about">About</a></nav></div>
<article><h1>Soda bread, the family way</h1>
<p class="meta">12 March 2024 &middot; 9 comments</p>
<p>This is the loaf my sister Siobhan O&rsquo;Neill taught me the year we both lived in Otherford.</p>
<ul><li>450 g plain flour</li><li>1 tsp bicarbonate of soda</li><li>400 ml buttermilk</li></ul></article>
<footer>&copy; 2024 Pat's Kitchen Notes</footer>""",
        why="curly apostrophe in the surname",
    ),
    hit(
        "relative",
        "Gareth Blake",
        """<header><h1>Exampleton Sailing Club</h1><nav><a href="/">Home</a> <a href="/racing">Racing</a></nav></header>
<main><h2>Regatta results, 8 June 2024</h2>
<table><tr><th>Pos</th><th>Helm</th><th>Crew</th><th>Class</th></tr>
<tr><td>1</td><td>Pat Example</td><td>brother-in-law Gareth</td><td>Wayfarer</td></tr>
<tr><td>2</td><td>R. Okafor</td><td>S. Okafor</td><td>Wayfarer</td></tr></table>
<p>Wind SW 12&ndash;15 knots. Next race 22 June.</p></main>
<footer>&copy; 2024 ESC &middot; RYA affiliated</footer>""",
        why="first name alone after 'brother-in-law'",
    ),
    miss(
        "relative",
        "Gareth Blake",
        """<header><h1>Exampleton RFC</h1><nav><a href="/">Home</a> <a href="/reports">Match reports</a></nav></header>
<article><h2>Exampleton 24 &ndash; 17 Otherford</h2>
<p class="byline">Match report &middot; Sat 13 April 2024</p>
<p>Gareth Blake-Jones crossed twice in the second half and the boot of Pat Example did the rest.
Attendance 412.</p>
<p>Man of the match: Gareth Blake-Jones.</p></article>
<footer>&copy; 2024 Exampleton RFC</footer>""",
        why="longer hyphenated surname",
    ),
    miss(
        "relative",
        "Gareth Blake",
        """<div class="reviews-header"><a href="/">Exampleton Reviews</a> &rsaquo; Motor &rsaquo; Quay Street Garage</div>
<main><h1>Quay Street Garage</h1><p>4.7 stars &middot; 96 reviews</p>
<div class="review"><strong>Pat E.</strong> &middot; 2 weeks ago<p>Thanks to Gareth at the front desk for squeezing my MOT in on a Friday. Honest and quick.</p></div>
<div class="review"><strong>J. Whitlow</strong> &middot; 1 month ago<p>Fair price for new brake pads.</p></div></main>
<footer>&copy; 2024 Exampleton Reviews</footer>""",
        why="first name with no relationship word",
    ),
    miss(
        "relative",
        "Anjali Mehta",
        """<header><h1>Otherford Library</h1><nav><a href="/">Home</a> <a href="/events">Events</a></nav></header>
<main><h2>Author talk: Anjali Mehtani</h2>
<p>Join novelist Anjali Mehtani to discuss her new book, &ldquo;The Harbour Years&rdquo;. Thursday 20 June, 7pm.</p>
<p>Tickets &pound;5, including a glass of wine. 40 seats.</p>
<p>Hosted by Pat Example, library volunteer.</p></main>
<footer>&copy; 2024 Otherford Libraries</footer>""",
        why="longer surname Mehtani",
    ),
    miss(
        "relative",
        "Dafydd Price",
        """<header><a href="/">Cwm Example Chapel</a></header>
<main><h1>Funeral arrangements</h1>
<p>The funeral of Pat Example will be held on 4 March 2024 at 2pm. Readings by her uncle, Dafydd Price-Evans,
and by the Rev. J. Whitlow.</p>
<p>Family flowers only. Donations to the chapel roof fund.</p></main>
<footer>&copy; 2024 Cwm Example Chapel</footer>""",
        why="relationship word, but the name is the longer surname Price-Evans",
    ),
    miss(
        "relative",
        "Tomasz Nowak",
        """<header><h1>Exampleton Chess Club</h1><nav><a href="/">Home</a> <a href="/ladder">Ladder</a></nav></header>
<main><h2>Club ladder, May 2024</h2>
<ol><li>Tomasz Nowakowski &ndash; 1841</li><li>Pat Example &ndash; 1710</li><li>R. Okafor &ndash; 1655</li></ol>
<p>Club night: Tuesdays 7pm, back room of the Anchor.</p></main>
<footer>&copy; 2024 Exampleton Chess Club</footer>""",
        why="longer surname Nowakowski",
    ),
    miss(
        "relative",
        "Gareth Blake",
        """<header><h1>Exampleton Amateur Dramatics</h1><nav><a href="/">Home</a> <a href="/shows">Shows</a></nav></header>
<main><h2>Cast list: The Harbour Ghost</h2>
<ul><li>The Keeper &ndash; Pat Example</li><li>Mrs Tolly &ndash; Morwenna Blake</li><li>The Child &ndash; Elin Blake</li>
<li>Director &ndash; Gareth Thomas</li></ul>
<p>Performances 12&ndash;15 June, 7:30pm. Tickets &pound;10.</p></main>
<footer>&copy; 2024 EAD</footer>""",
        why="same surname and same first name on the page, but never together",
    ),
    miss(
        "relative",
        "Anjali Mehta",
        """<div class="blog-header"><a href="/">Pat's Kitchen Notes</a></div>
<article><h1>Lemon drizzle traybake</h1><p class="meta">2 April 2024</p>
<p>Bake at 180&deg;C for 30 minutes.</p></article>
<section class="comments"><h3>3 comments</h3>
<div class="comment"><b>Anjali</b> &middot; 3 April 2024<p>Made this for the school fair, sold out in ten minutes!</p></div>
<div class="comment"><b>J. Whitlow</b><p>Can I use limes?</p></div>
<div class="comment"><b>Pat</b><p>Limes work well, Anjali, go for it.</p></div></section>
<footer>&copy; 2024 Pat's Kitchen Notes</footer>""",
        why="first name as a commenter, no relationship word",
    ),
]

# --------------------------------------------------------------------------------------------------
# Other phrases (known values)
# --------------------------------------------------------------------------------------------------

OTHER: list[Case] = [
    hit(
        "other",
        "St Cuthbert's Primary",
        """<header><h1>Exampleton Gazette</h1><nav><a href="/">News</a> <a href="/schools">Schools</a></nav></header>
<article><h2>Pupils plant 200 trees</h2>
<p class="byline">By Education reporter &middot; 28 November 2023</p>
<p>Year 5 pupils at Saint Cuthbert&rsquo;s Primary School spent Friday planting saplings along the old railway path.
Pat Example, whose child is in the class, organised the tools.</p>
<p>Photo: Exampleton Woodland Trust</p></article>
<footer>&copy; 2023 Exampleton Gazette Ltd</footer>""",
        why="Saint for St and a curly apostrophe",
    ),
    hit(
        "other",
        "St Cuthbert's Primary",
        """<nav><a href="/">Exampleton PTA Network</a> | <a href="/schools">Schools</a> | <a href="/events">Events</a></nav>
<main><h1>Summer fair volunteers</h1>
<table><tr><th>School</th><th>Stall</th><th>Volunteer</th></tr>
<tr><td>Mill Lane Infants</td><td>Tombola</td><td>J. Whitlow</td></tr>
<tr><td>St. Cuthberts RC Primary</td><td>Cakes</td><td>Pat Example</td></tr></table>
<p>Setup from 9am on 6 July. 14 stalls confirmed.</p></main>
<footer>&copy; 2024 Exampleton PTA Network</footer>""",
        why="St., apostrophe dropped, inserted RC",
    ),
    hit(
        "other",
        "Sunday Striders running club",
        """<header><h1>parkrun-style results: Exampleton 5k</h1></header>
<main><table><tr><th>Pos</th><th>Name</th><th>Club</th><th>Time</th></tr>
<tr><td>14</td><td>Pat Example</td><td>Sunday Striders Social Running Club</td><td>24:51</td></tr>
<tr><td>15</td><td>R. Okafor</td><td>Unattached</td><td>24:58</td></tr>
<tr><td>16</td><td>S. Pratt</td><td>Exampleton Harriers</td><td>25:02</td></tr></table>
<p>Event #212 &middot; 311 finishers &middot; 8 June 2024</p></main>
<footer>Results provided by volunteers.</footer>""",
        why="capitalised, with an inserted word",
    ),
    hit(
        "other",
        "Fox & Hounds quiz team",
        """<header><a href="/">Exampleton Quiz League</a></header>
<main><h1>Week 9 results</h1>
<ol><li>The Fox and Hounds Quiz Team &ndash; 71</li><li>Anchor Brainboxes &ndash; 66</li><li>Quay Street Quizzers &ndash; 59</li></ol>
<p>Star player: Pat Example, 18/20 on the music round.</p>
<p>Next week: Anchor v Fox, 8pm.</p></main>
<footer>&copy; 2024 Exampleton Quiz League &middot; 205 views</footer>""",
        why="'and' for '&'",
    ),
    miss(
        "other",
        "St Cuthbert's Primary",
        """<header><h1>Exampleton Health</h1><nav><a href="/">Home</a> <a href="/gp">GP surgeries</a></nav></header>
<main><h2>St Cuthbert's Primary Care Centre</h2>
<p>Opening hours: Mon&ndash;Fri 8:00&ndash;18:30. Flu clinics on Saturdays in October.</p>
<p>Practice manager: Pat Example. 9,412 registered patients.</p>
<p>CQC rating: Good (inspected 12 January 2023).</p></main>
<footer>&copy; 2024 Exampleton Health Partnership</footer>""",
        why="a health centre that extends the phrase, not the school",
    ),
    miss(
        "other",
        "Sunday Striders running club",
        """<header><h1>Exampleton Sports Council</h1><nav><a href="/">Home</a> <a href="/clubs">Clubs</a></nav></header>
<main><h2>Club directory: athletics</h2>
<ul><li>Saturday Striders running club &ndash; beginners welcome, meets 8am at the harbour</li>
<li>Exampleton Harriers &ndash; track and cross-country</li>
<li>Trail Tortoises &ndash; off-road, Wednesday evenings</li></ul>
<p>Directory updated April 2024. Contact Pat Example to add a club.</p></main>
<footer>&copy; 2024 Exampleton Sports Council</footer>""",
        why="Saturday, not Sunday",
    ),
    miss(
        "other",
        "Fox & Hounds quiz team",
        """<header><a href="/">Exampleton Darts League</a></header>
<main><h1>Division 2 table</h1>
<table><tr><th>Team</th><th>P</th><th>Pts</th></tr>
<tr><td>Fox &amp; Hounds darts team</td><td>12</td><td>20</td></tr>
<tr><td>Anchor A</td><td>12</td><td>16</td></tr></table>
<p>Fox &amp; Hounds also hosts a quiz every Tuesday. League secretary: Pat Example.</p></main>
<footer>&copy; 2024 EDL</footer>""",
        why="the pub's darts team, not its quiz team",
    ),
    miss(
        "other",
        "Little Acorns Nursery",
        """<header><h1>Otherford Garden Trail</h1><nav><a href="/">Home</a> <a href="/gardens">Gardens</a></nav></header>
<main><h2>Where to buy plants</h2>
<ul><li>Little Acorns Nursery &amp; Garden Centre &ndash; perennials, fruit trees, Sunday 10&ndash;4</li>
<li>Otherford Market plant stall &ndash; Saturdays</li></ul>
<p>Trail guide written by Pat Example. 18 gardens open this year.</p></main>
<footer>&copy; 2024 Otherford Garden Trail</footer>""",
        why="a plant nursery and garden centre, not the childcare nursery",
    ),
]

# --------------------------------------------------------------------------------------------------
# Discovered contact details (empty roster)
# --------------------------------------------------------------------------------------------------

DISCOVERED: list[Case] = [
    hit(
        "discovered_phone",
        "+441134960999",
        """<header><a href="/">Harbour Bakes</a><nav><a href="/">Home</a> | <a href="/menu">Menu</a> | <a href="/order">Order</a></nav></header>
<main><h1>Celebration cakes</h1>
<p>Order at least 5 days ahead. Prices from &pound;28 for a 6in sponge.</p>
<p>To order, call Pat on 0113 496 0999 (Tue&ndash;Sat, 8am&ndash;3pm).</p>
<ul><li>Vanilla &ndash; &pound;28</li><li>Chocolate fudge &ndash; &pound;32</li></ul></main>
<footer>&copy; 2024 Harbour Bakes &middot; Company No. 10987654 &middot; Food hygiene rating 5</footer>""",
        why="UK landline in national form",
    ),
    hit(
        "discovered_phone",
        "+14155550134",
        """<header><a href="/">Harbor Bakery</a><nav><a href="/">Home</a> &middot; <a href="/menu">Menu</a> &middot; <a href="/contact">Contact</a></nav></header>
<main><h1>Contact us</h1>
<p>Call <a href="tel:4155550134">415.555.0134</a> for custom orders. Open Tue&ndash;Sun 7am&ndash;2pm.</p>
<p>Pickup at the side door. Nut-free kitchen since 2018.</p></main>
<footer>&copy; 2024 Harbor Bakery LLC. All rights reserved.</footer>""",
        lang="en-US",
        url="https://www.harborbakery.example.us/contact",
        why="US number in a tel: link without + on a US page",
    ),
    miss(
        "discovered_phone",
        "+441134960999",
        """<header><a href="/">B&auml;ckerei Beispiel</a><nav><a href="/">Start</a> | <a href="/sortiment">Sortiment</a> | <a href="/kontakt">Kontakt</a></nav></header>
<main><h1>Kontakt</h1>
<p>Telefon: <a href="tel:01134960999">0113 4960999</a></p>
<p>&Ouml;ffnungszeiten: Mo&ndash;Fr 6:30&ndash;18:00, Sa 6:30&ndash;12:00</p></main>
<footer>&copy; 2024 B&auml;ckerei Beispiel GmbH &middot; Amtsgericht Beispielstadt HRB 12345</footer>""",
        lang="de",
        url="https://www.baeckerei.example.de/kontakt",
        why="tel: link without + on a German page is read as German, not as the UK number",
    ),
    miss(
        "discovered_phone",
        "",
        """<header><a href="/">Example Outdoor Store</a><nav><a href="/">Home</a> | <a href="/tents">Tents</a> | <a href="/basket">Basket</a></nav></header>
<main><h1>Order confirmation</h1>
<p>Order #20240611-7731 placed 11/06/2024 at 14:02.</p>
<table><tr><td>2-person tent, SKU 4471-902-18</td><td>&pound;129.00</td></tr>
<tr><td>Guide book, ISBN 978-1-4960-0123-4</td><td>&pound;14.99</td></tr></table>
<p>Dispatch batch 1718112000. Estimated delivery 3&ndash;5 working days.</p></main>
<footer>&copy; 2024 Example Outdoor Store Ltd &middot; Company No. 08812345 &middot; VAT GB 284 5561 73</footer>""",
        why="order numbers, SKU, ISBN, timestamp, company and VAT numbers: no phone",
    ),
    hit(
        "discovered_email",
        "bookings@villagehall.test",
        """<header><h1>Westfield Village Hall</h1><nav><a href="/">Home</a> <a href="/hire">Hire</a> <a href="/events">Events</a></nav></header>
<main><h2>Hiring the hall</h2>
<table><tr><th>Room</th><th>Capacity</th><th>Rate</th></tr>
<tr><td>Main hall</td><td>120</td><td>&pound;22/hr</td></tr><tr><td>Committee room</td><td>20</td><td>&pound;9/hr</td></tr></table>
<p>Email bookings [at] villagehall [dot] test with your preferred dates.</p></main>
<footer>&copy; 2024 Westfield Village Hall &middot; Registered charity 302145</footer>""",
        why="[at]/[dot] obfuscation",
    ),
    hit(
        "discovered_email",
        "info@harbourbakes.example",
        """<header><a href="/">Harbour Bakes</a></header>
<main><h1>Wholesale</h1>
<p>We supply cafes within 20 miles. Minimum order &pound;60.</p>
<p>Write to <a href="mailto:Info@HarbourBakes.example">Info@HarbourBakes.example</a> for a price list.</p>
<p>Follow us <a href="https://social.example/@harbourbakes">@harbourbakes</a></p></main>
<footer>&copy; 2024 Harbour Bakes &middot; Company No. 10987654</footer>""",
        why="mixed-case mailto, canonical lower-case; social handle must not count",
    ),
    miss(
        "discovered_email",
        "",
        """<header><a href="/"><img src="/img/logo@2x.png" alt="Exampleton Arts"></a>
<nav><a href="/">Home</a> | <a href="/whats-on">What's on</a></nav></header>
<main><h1>Summer season</h1>
<p>Family workshops @ &pound;5 per child, Saturdays @ 10am. Follow @exampletonarts for updates.</p>
<p>Icons: share@2x.png, share@3x.webp. Styles loaded with @media print rules.</p></main>
<footer>&copy; 2024 Exampleton Arts Trust &middot; Registered charity 1098765</footer>""",
        why="image file names with @2x, handles, prices with @: no email",
    ),
    miss(
        "discovered_email",
        "",
        """<header><h1>Exampleton Darts League</h1></header>
<main><h2>Fixtures</h2>
<ul><li>Anchor A @ Fox &amp; Hounds, Tue 18 June</li><li>Quay Street Arms @ Anchor B, Tue 18 June</li></ul>
<p>Email addresses follow the pattern firstname.lastname@ then the league domain; ask at the bar.</p>
<p>Scores: Anchor A 7 @ home, 4 away.</p></main>
<footer>&copy; 2024 EDL &middot; 318 views</footer>""",
        why="sports @ and an incomplete address pattern: no email",
    ),
    hit(
        "discovered_postcode",
        "EX2 4DB",
        """<header><a href="/">Harbour Bakes</a><nav><a href="/">Home</a> | <a href="/find-us">Find us</a></nav></header>
<main><h1>Find us</h1>
<p>Harbour Bakes, 14 Quay Street, Exampleton EX2 4DB</p>
<p>Parking on the quay (pay &amp; display, &pound;1.20/hr). Bus routes 7 and 12 stop outside.</p></main>
<footer>&copy; 2024 Harbour Bakes &middot; Company No. 10987654</footer>""",
        why="postcode in a business address",
    ),
    hit(
        "discovered_postcode",
        "LS6 4AB",
        """<header><h1>Westfield Scout Group</h1><nav><a href="/">Home</a> <a href="/sections">Sections</a></nav></header>
<main><h2>Getting to the hut</h2>
<p>The hut is behind the recreation ground. Sat-nav: LS64AB (brings you to the gate on Park Row).</p>
<p>Beavers Mon 6pm, Cubs Tue 6:30pm, Scouts Thu 7pm. 84 young people.</p></main>
<footer>&copy; 2024 Westfield Scout Group &middot; Registered charity 523456</footer>""",
        why="postcode without a space, canonical form LS6 4AB",
    ),
    miss(
        "discovered_postcode",
        "",
        """<header><a href="/">Exampleton Motors</a><nav><a href="/">Home</a> | <a href="/used">Used cars</a></nav></header>
<main><h1>2019 hatchback, 41,000 miles</h1>
<ul><li>Reg: EX62 ABT</li><li>Stock ref: EX2 4CM</li><li>Engine: 1.2 petrol</li><li>Price: &pound;9,495</li></ul>
<p>Collection from our forecourt off the A3099, near junction 10 of the M25 spur. Flight BA2490 delivery service not included.</p></main>
<footer>&copy; 2024 Exampleton Motors &middot; FCA ref 612345</footer>""",
        why="number plate, stock ref with invalid inward letters, road names: no postcode",
    ),
    miss(
        "discovered_postcode",
        "",
        """<header><h1>Exampleton Property Report</h1></header>
<main><h2>House prices, spring 2024</h2>
<table><tr><th>District</th><th>Average</th><th>Change</th></tr>
<tr><td>EX2</td><td>&pound;284,000</td><td>+2.1%</td></tr>
<tr><td>EX4</td><td>&pound;261,500</td><td>&minus;0.4%</td></tr></table>
<p>Homes in the EX2 and EX4 districts sold in an average of 41 days. Data period Q1 2024.</p></main>
<footer>&copy; 2024 Exampleton Property Report</footer>""",
        why="postcode districts only, no full postcode",
    ),
]

REVIEW_PAGES: list[Case] = [*PHONE, *EMAIL, *ADDRESS, *DOB, *RELATIVE, *OTHER, *DISCOVERED]
