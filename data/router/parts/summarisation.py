"""Summarisation: condense supplied text."""
from .common import Group, Hand

TASK = "summarisation"

ARTICLES = [
    "The city's new tram line opened on Monday after four years of construction and two budget overruns. Officials said "
    "the 11-kilometre route will carry 40,000 passengers a day and cut journey times between the university and the "
    "central station by half. Shop owners along the route, who saw footfall drop during the works, welcomed the opening "
    "but asked the council to extend a temporary business-rates discount.",
    "A study of 2,300 office workers found that those who took a ten-minute walk after lunch reported higher afternoon "
    "focus than those who stayed at their desks. The effect was strongest on days with back-to-back meetings. The "
    "researchers cautioned that the results were self-reported and that the walking group may have differed in other ways.",
    "Our Q2 numbers: revenue up 9% year on year to $18.2m, driven by the enterprise tier. Churn rose slightly to 2.1% "
    "monthly, mostly small teams on the starter plan. Hiring is paused except for two support roles. Next quarter we "
    "focus on onboarding fixes and the long-delayed SSO feature.",
    "The library will close for renovation from 1 July to 30 September. During the closure, a pop-up branch will operate "
    "in the community centre with a reduced collection, and all due dates will be extended automatically. The upgrade "
    "adds a children's area, step-free access, and 30 new study desks.",
    "After a wet spring, farmers in the valley expect a late but large harvest. Cherry growers lost about a fifth of "
    "their blossom to hail in April, while wheat yields look above average. Co-operative managers warn that a shortage "
    "of seasonal pickers could leave some fruit unpicked.",
    "The update changes how passwords are stored: instead of a single hash, each password now uses a slow key-derivation "
    "function with a unique salt. Existing users will be migrated the next time they log in. Users who have not logged in "
    "for over a year will be asked to reset their password.",
    "Volunteers planted 1,200 native trees along the river last weekend, part of a plan to reduce flooding and cool the "
    "water for fish. The trust behind the project says the trees will need watering through the first two summers and "
    "is looking for people to adopt a section of the bank.",
    "The company recalled 14,000 space heaters after reports that the power switch could overheat. No injuries have been "
    "reported. Customers should stop using the heaters and contact the manufacturer for a free replacement or a refund.",
    "Maria's team finished the migration to the new CRM two weeks early. Duplicate customer records dropped from 8% to "
    "under 1%, but sales reps say the mobile app is slower than the old one. IT will review performance in the next sprint.",
    "The museum's new exhibition brings together 60 maps drawn between 1500 and 1800, many shown publicly for the first "
    "time. Curators highlight how coastlines grew more accurate as navigation instruments improved, while inland areas "
    "stayed blank or were filled with guesses for centuries.",
]

ITEMS = [
    Group("one-liner", "easy", 0, [
        "Summarize this in one sentence:\n\n{article}",
        "TL;DR please:\n{article}",
        "Give me a two-line summary of the following.\n\n{article}",
        "Condense this paragraph for a busy reader:\n{article}",
    ], {"article": ARTICLES}, 10),
    Group("bullets", "easy", 0, [
        "Summarise the key points as 3 bullet points:\n\n{article}",
        "What are the main takeaways from this text? Bullet list please.\n{article}",
    ], {"article": ARTICLES[::-1]}, 8),
    Group("audience", "medium", 0, [
        "Summarize this for {audience}:\n\n{article}",
        "Rewrite this as a short summary that {audience} would understand.\n{article}",
    ], {"audience": ["a ten-year-old", "the executive team", "customers in a newsletter", "a Slack update", "a tweet"],
        "article": ARTICLES[2:8]}, 8),
    Group("thread-recap", "medium", 0, [
        "Recap this chat thread: what was the problem and how was it resolved?\n\n{thread}",
        "Summarize the discussion below in a few sentences and list any open questions.\n{thread}",
    ], {"thread": [
        "Ana: deploy failed again\nBen: which stage?\nAna: integration tests, the payments mock times out\nBen: the mock's "
        "container image was updated yesterday\nAna: pinned the old tag, green now\nBen: let's open a ticket to fix the new image",
        "Kim: can we move the offsite?\nRaj: the venue has 12 or 19 May\nKim: 19 clashes with the release\nLu: 12 works for "
        "me\nRaj: booked the 12th, still need catering quotes",
        "Tom: customers report invoices in the wrong currency\nIsa: only for accounts created before 2022\nTom: the migration "
        "skipped the currency field for them\nIsa: backfilled it, will email affected customers tomorrow",
        "Zoe: anyone know why the dashboard is slow?\nMo: the sales query scans the whole table\nZoe: can we add an index?\n"
        "Mo: added one on created_at, load time down from 9s to 1s\nZoe: what about the export page? still slow",
        "Eli: the printer on floor 3 is jammed again\nFay: I called facilities, they're coming Thursday\nEli: any printer "
        "that works meanwhile?\nFay: floor 2 one works, needs your badge",
    ]}, 5),
    Group("constrained-summary", "hard", 1, [
        "Summarise the report below for a board pack under these rules: exactly 4 bullets; each bullet at most 14 words; "
        "bullet 1 must contain the single most important number; no adjectives like 'strong' or 'significant'; the last "
        "bullet must be a risk, phrased as a question; do not repeat any noun across bullets.\n\n{report}",
        "Write a summary of the document below in exactly 60 words (count them), in the passive voice, that keeps every "
        "figure with its unit and ends with the one decision the reader must make. Then list, separately, any figures you "
        "had to leave out and why.\n\n{report}",
    ], {"report": [
        "Q3 operations review. Throughput rose from 1,840 to 2,210 orders/day after the new sorter went live in August, but "
        "mis-sorts increased from 0.4% to 1.1%, costing roughly €38k in re-shipping. Staff overtime fell 22%. The sorter "
        "vendor proposes a firmware update (€12k) that it claims halves mis-sorts; alternatively, adding a manual check "
        "station costs €55k/year in labour. Peak season starts in six weeks; the warehouse lease renewal (+9% rent) must be "
        "signed by 30 November.",
        "Clinical service update. Average wait for a first appointment is 11.5 weeks against a 6-week target. Referrals are "
        "up 17% on last year; 23% of referrals are returned as incomplete. A pilot of nurse-led triage cut waits to 7 weeks "
        "in one clinic but needs two extra nurses (£96k/yr). The community hub offered space free for 12 months. Consultant "
        "vacancy rate is 14%.",
        "Platform reliability report. Availability was 99.82% vs a 99.9% SLO, with 3 incidents: a certificate expiry (47 "
        "min), a database failover (22 min) and a bad config push (61 min). Error budget for the quarter is exhausted. "
        "Proposed: freeze feature releases for 3 weeks or fund an automated canary system (est. 2 engineer-months).",
    ]}, 5),
    Group("compare-reconcile", "hard", 1, [
        "Here are two summaries of the same meeting written by different attendees, and they disagree. Produce one "
        "reconciled summary, then a list of every point of disagreement with which version is more likely correct and why "
        "(use internal consistency, not guesses).\n\nVersion A: {a}\n\nVersion B: {b}",
    ], {"a": [
        "We agreed to launch on 3 March with the full feature set; budget approved at 120k; Sara owns QA.",
        "Vendor X chosen for the pilot at 18k; pilot runs 6 weeks from 1 May; success = 20% fewer manual tickets.",
        "Hiring freeze lifted for engineering; 4 roles approved; start with the two backend roles in Q2.",
    ], "b": [
        "Launch pushed to 10 March because QA (owned by Tom) needs another week; budget 120k approved minus the design line.",
        "Pilot with vendor X (18k) for 8 weeks starting 1 May; we measure ticket deflection, target 20%.",
        "Freeze lifted but only 3 roles approved after finance pushback; frontend role first.",
    ]}, 5),
    Hand("quick-summaries", "easy", 0, [
        "Summarize: 'Our café will be closed on Monday for a private event. We reopen Tuesday at 8am with a new autumn menu.'",
        "Can you shorten this message for me? 'Hi all, just a quick reminder that the fire alarm test will happen at 11am "
        "tomorrow, it will last about five minutes, and there is no need to leave the building.'",
        "Give me the gist of this email in one line: 'Following up on our chat — we'd love to have you speak at the June "
        "meetup. 20 minutes on any testing topic, travel covered. Let me know by the 15th.'",
        "Summarise this review in five words: 'Lovely hotel, great breakfast, but the walls are thin and the street is noisy "
        "at night.'",
        "Make a one-sentence summary of the plot of Romeo and Juliet.",
        "Condense these notes: 'call dentist, reschedule to next week, ask about cost of whitening, also check insurance covers cleaning'.",
        "Summarize this product update for customers in two sentences: 'We've added offline mode, fixed the sync bug that "
        "duplicated notes, and reduced app size by 30%.'",
        "Please summarise: 'The bus route 42 will be diverted via Elm Road from 5 to 9 May due to water main repairs on High "
        "Street. Stops at Market Square and the Post Office will not be served.'",
        "TL;DR of this paragraph: 'Photosynthesis is the process by which plants use sunlight, water and carbon dioxide to "
        "make glucose and release oxygen. It happens mostly in the leaves, inside chloroplasts.'",
        "Sum up what this voicemail says: 'Hi, it's Dave from the garage, your car's ready, the brake job came to 280, we're open till six.'",
    ]),
    Hand("medium-summaries", "medium", 0, [
        "Summarize the pros and cons mentioned in these three reviews of the same vacuum cleaner:\n1. 'Strong suction, "
        "battery dies after 20 minutes.'\n2. 'Light and easy on stairs, but the bin is tiny.'\n3. 'Great on carpets, loud, "
        "battery life is poor.'",
        "I'm pasting the minutes of our residents' association meeting. Summarize what residents complained about and what "
        "the committee promised.\n\n'Residents raised bins being left out, broken lights in the car park, and noise from "
        "the new bar. The committee will write to the council about bins, get quotes for LED lights by next month, and "
        "invite the bar owner to the next meeting.'",
        "Summarize this support conversation for the next agent picking it up:\nCustomer: my export keeps failing\nAgent: "
        "which format?\nCustomer: xlsx, it worked last week\nAgent: we had an outage, can you retry?\nCustomer: still fails, "
        "only on the big workspace\nAgent: escalating to engineering, ticket 8812",
        "Write an abstract-style summary (3-4 sentences) of this project description: 'We built a sensor network of 40 "
        "low-cost air quality monitors around two primary schools, compared readings with a reference station, and found "
        "the cheap sensors overestimated particulate levels on humid days. After applying a humidity correction the error "
        "fell by 60%. We publish the correction model and the data.'",
        "Give me a summary of the changes in this diff description for a release note: 'Refactored auth middleware; added "
        "rate limiting to login (5/min); changed session cookie to SameSite=Lax; removed legacy OAuth1 provider; upgraded "
        "framework to 8.0.'",
        "Summarise this long customer complaint into: issue, what they tried, what they want.\n\n'I ordered a sofa in "
        "January, it arrived in March with a torn cushion. I called three times and emailed twice, was promised a "
        "replacement cushion twice and nothing came. I've now been without a usable sofa for 6 weeks. I want a full "
        "replacement or a partial refund of at least 30%.'",
    ]),
    Hand("hard-summaries", "hard", 1, [
        "Summarize the following 3 research abstracts into a single paragraph that states where they agree, where they "
        "conflict, and what a practitioner should conclude — and flag which claims rest on a single small study.\n\nA: 'In "
        "a randomised trial of 1,200 adults, a 12-week app-based CBT programme reduced insomnia severity by 35% versus "
        "sleep hygiene advice.'\nB: 'A pilot (n=48) found no difference between app-based CBT and waitlist at 8 weeks, but "
        "adherence was 40%.'\nC: 'A meta-analysis of 14 trials found digital CBT effective with moderate effect sizes, "
        "lower in studies with poor adherence.'",
        "Here is a long negotiation email chain condensed into points. Produce a summary for my boss that separates (1) "
        "what the other side has actually agreed to in writing, (2) what they hinted at but did not commit to, and (3) what "
        "we conceded — in that order, no more than 120 words total.\n\n- They: 'we can probably do net-60' \n- We: accepted "
        "3% price increase\n- They: confirmed in writing: delivery within 10 working days\n- They: 'volume discount is "
        "something we'd look at for next year'\n- We: dropped the penalty clause\n- They: agreed in writing to quarterly reviews",
        "Summarise this policy document for three different readers in one go: a new employee (3 sentences, plain "
        "language), a manager (what they must enforce, bullets), and an auditor (which clauses are measurable and which are "
        "vague). The policy: 'Employees may work remotely up to 3 days per week subject to manager approval. Core hours are "
        "10:00-15:00. Equipment is provided for home use and remains company property. Security incidents must be reported "
        "promptly. Managers should review arrangements periodically.'",
    ]),
]

ITEMS += [
    Group("reviews-digest", "medium", 0, [
        "Summarize what customers like and dislike about {product} from these reviews:\n{reviews}",
    ], {"product": ["this coffee grinder", "the hotel", "our app"], "reviews": [
        "- 'Consistent grind, but loud.'\n- 'Took up too much counter space.'\n- 'Great for espresso, meh for French press.'\n- 'Stopped working after 8 months.'",
        "- 'Amazing view, rude reception.'\n- 'Breakfast was the highlight.'\n- 'Room smelled of smoke.'\n- 'Great location near the old town.'",
        "- 'Love the dark mode.'\n- 'Sync is slow on Android.'\n- 'Too many notifications by default.'\n- 'Best budgeting app I've tried.'",
        "- 'Easy to clean.'\n- 'Burr came loose.'\n- 'Customer service replaced it quickly.'\n- 'Price is steep for what it is.'",
    ]}, 6),
    Group("transcript-minutes", "medium", 0, [
        "Turn this call transcript into short meeting minutes (attendees, decisions, next steps):\n\n{transcript}",
    ], {"transcript": [
        "Jo: ok so the client wants the redesign by March. Ravi: March is tight, we need two more weeks for testing. Jo: "
        "let's propose 15 March then. Ravi: fine, I'll update the plan. Mel: I'll tell the client today.",
        "Ana: budget for the fair is 6k. Tim: stand costs 3.5k already. Ana: then no printed brochures, QR codes only. "
        "Tim: agreed, I'll order the banner. Ana: I'll book the hotel.",
        "Lee: the API migration is blocked by the auth library. Sara: there's a patched version in beta. Lee: risky. Sara: "
        "let's test it on staging this week and decide Friday. Lee: I'll write the test plan.",
        "Ines: volunteers dropped from 30 to 18. Ben: summer holidays. Ines: let's recruit at the school fair. Ben: I'll make "
        "the flyer. Ines: and we pause the Tuesday shift until September.",
    ]}, 4),
    Hand("more-summaries", "easy", 0, [
        "Summarise this article headline and first line for a push notification: 'Storm Ida to bring 100 km/h winds — "
        "Ferries between the islands are cancelled from Thursday noon until Friday evening.'",
        "Write a one-sentence summary of this bug report: 'When I paste an image into the editor on Safari, the app "
        "freezes for ~10 seconds and sometimes crashes. Chrome works fine.'",
        "Summarize this recipe in one line: 'Roast chopped squash with olive oil and cumin for 30 minutes, blend with "
        "stock and a little cream, season, and serve with toasted seeds.'",
        "Can you summarize my notes from today's lecture? 'Supply and demand. Demand curve slopes down. Supply up. "
        "Equilibrium where they cross. Price ceiling → shortage. Price floor → surplus.'",
        "Summarise the plot of Cinderella in three sentences.",
        "Short summary please: 'Starting Monday, the canteen will accept card payments only. Cash will no longer be "
        "accepted. Top-up machines have been removed from the lobby.'",
        "Summarize this feedback from my manager in two bullets: 'Great job on the client demo, clear and well paced. "
        "Next time, send the slides a day earlier so legal can check them.'",
        "In one line, what's this about? 'Scientists have found that octopuses change colour while sleeping, which may "
        "suggest a dream-like state.'",
    ]),
    Hand("more-hard-summaries", "hard", 1, [
        "Summarise the argument of this op-ed in a neutral way, then list its three central claims, rate the evidence "
        "offered for each (none/anecdotal/statistical/cited study), and note one relevant counter-argument it ignores — "
        "all in under 200 words.\n\n'Four-day weeks are the future. Every company I've talked to that tried it saw "
        "happier staff. A 2022 pilot in the UK found most firms kept the policy. Productivity doesn't come from hours at "
        "a desk; anyone who has worked in an office knows half the day is wasted. Governments should mandate it by 2030.'",
        "I'll give you five customer interview transcripts summarised in one paragraph each. Produce a synthesis that "
        "groups needs into themes, counts how many interviews mention each theme, distinguishes stated needs from observed "
        "behaviour, and quotes one short phrase per theme as evidence.\n1) 'I export to Excel every Friday because the "
        "dashboard doesn't show margins.'\n2) 'Honestly the dashboard is fine, I just never open it.'\n3) 'We need "
        "margins by product line; right now I calculate them by hand.'\n4) 'I wish I could schedule the report to my "
        "boss.'\n5) 'Excel is where I actually work; the tool is just a data source.'",
    ]),
]
