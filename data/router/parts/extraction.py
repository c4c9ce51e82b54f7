"""Extraction: pull specific facts or fields out of supplied text."""
from .common import Group, Hand

TASK = "extraction"

ITEMS = [
    Group("invoice-fields", "easy", 0, [
        "Extract the invoice number, date and total from this text:\n\n{invoice}",
        "From the invoice below, give me the total amount due and the due date only.\n{invoice}",
        "Pull out the vendor name and the invoice total.\n\n{invoice}",
    ], {"invoice": [
        "Invoice INV-20931 from Brightline Cleaning Ltd, issued 3 Feb 2025. Office deep clean x2, total £480.00, due within 14 days.",
        "NORTHWIND SUPPLIES — Invoice #7781 — Date: 2025-03-18 — 40 x A4 paper boxes @ 12.50 — Total: 500.00 EUR — Payment due 2025-04-17.",
        "Bill no. 55-A, Hill Street Garage, 12/06/2024. Brake pads and labour. Amount: $312.40. Please pay by 26/06/2024.",
        "Tax invoice 000918 | Pixelforge Studio | 21 Jan 2025 | Logo design package | Subtotal 1,200 | VAT 240 | Total 1,440 AUD",
        "Invoice: LX-4410. Seller: Lakeside Catering. Event date 9 May. Issued 30 April 2025. Total payable: CAD 2,875.",
        "Ref INV/2025/0042 — Harbor Web Hosting — annual plan — issued 1 March 2025 — total 96.00 USD — auto-charged on 15 March.",
        "Invoice 1187 — GreenThumb Landscaping — date 14.08.2024 — hedge trimming & removal — CHF 640.– — zahlbar innert 30 Tagen.",
        "Invoice number: Q-3391 | Date issued: 5 November 2024 | From: Atlas Translation Services | Total: ¥84,000 | Due: end of month",
        "Your bill #AC-99012 from Coldbrook Water, dated 2 Jan 2025: usage 14 m3, standing charge 8.20, total due 41.75 GBP by 23 Jan.",
    ]}, 9),
    Group("contact-details", "easy", 0, [
        "List every person's name and job title mentioned in this paragraph:\n{para}",
        "Which companies are mentioned in the text below? Just the names, comma-separated.\n\n{para}",
        "Find all the dates in this passage and list them in the order they appear.\n{para}",
    ], {"para": [
        "On 4 March, Priya Raman, head of procurement at Delmar Foods, met with Tom Okafor, sales lead at Coastline Packaging, "
        "to renegotiate the 2023 contract. A follow-up is set for 18 March.",
        "The panel featured Dr. Lena Fischer (University of Leipzig), Marco Silva, CTO of Tidewater Robotics, and journalist "
        "Ama Boateng. It was recorded on 12 September and aired on 1 October.",
        "After the merger announced on 9 January, Orchid Health's CFO, Ben Hartley, said integration with Medlane would finish "
        "by 30 June, with the new brand launching 1 July.",
        "Sofia Marquez, our new community manager, joins from Brightwave Media on Monday 2 June; her predecessor, Jonah Pike, "
        "moves to Keystone Analytics as a product owner.",
        "Volunteers Greta Holm (coordinator) and Ravi Desai (treasurer) will run the 14 December charity run with sponsors "
        "Fenwick Bikes and Alder & Co.",
        "Between 2019 and 2022, Nadia Petrova led design at Quillstone before co-founding Marigold Labs with engineer Kwame Mensah in March 2023.",
    ]}, 8),
    Group("structured-json", "medium", 0, [
        "Turn this job posting into JSON with keys title, location, salary_range, remote (true/false) and required_skills (list):\n\n{posting}",
        "Extract the following fields as JSON — role, city, pay, skills[] — from the ad below.\n{posting}",
    ], {"posting": [
        "We're hiring a Backend Engineer in Rotterdam (hybrid, 2 days office). €60–75k. You know Go, PostgreSQL and Kafka; Kubernetes is a plus.",
        "Junior Data Analyst — Manchester — fully remote within the UK — £32,000–£36,000. SQL, Excel, a bit of Python, curiosity.",
        "Senior iOS Developer, Toronto office, CAD 130k–150k, Swift, SwiftUI, Combine, 5+ years, no remote.",
        "Part-time bookkeeper for a family bakery in Porto, 20h/week, €900/month, experience with Xero or Sage required.",
        "Site Reliability Engineer (remote, EU time zones) — $110k–$140k — Terraform, AWS, Prometheus, on-call rotation.",
        "Warehouse shift lead, Leeds, £13.50/hour, forklift licence, people management, nights.",
        "UX researcher — Berlin, hybrid — 65-80k EUR — usability testing, survey design, German C1.",
        "ML engineer, Austin TX, onsite, $170k-$200k + equity, PyTorch, distributed training, CUDA.",
    ]}, 8),
    Group("meeting-actions", "medium", 0, [
        "Pull out the action items from these meeting notes, with owner and deadline for each.\n\n{notes}",
        "What decisions were made and who is responsible for what? Notes:\n{notes}",
    ], {"notes": [
        "Weekly sync 12/5. Anna: will draft the Q3 budget by Friday. Budget cap agreed at 50k. Leo to check vendor quotes, "
        "no date. Launch moved to 3 June. Mia books venue next week.",
        "Standup: backend migration 80% done (Raj finishes Wed). Decided to drop IE11 support. Chloe writes release notes "
        "before Thursday's demo. Someone needs to ping legal about the cookie banner — Sam volunteered.",
        "Board call — approved hiring two SREs. CFO (Helen) to revise runway model by end of month. Office lease: decision "
        "postponed. Marketing (Ines) presents rebrand options 20 Oct.",
        "Retro notes: flaky tests blocked 3 deploys; Omar owns fixing the top 5 by next sprint. Agreed: no Friday deploys. "
        "Tara will set up the new on-call rota by Monday.",
        "Client call w/ Fernhill: they want weekly reports (Jess, starting next Mon). Price increase accepted from Jan. "
        "Dev to add SSO — Peter estimates by 15 Nov.",
        "PTA meeting: bake sale 7 Nov (Rosa coordinates), new playground quote due from Karl by end of Sept, "
        "agreed to move meetings online.",
    ]}, 6),
    Group("regex-like", "easy", 0, [
        "List all the email addresses and phone numbers in this signature block:\n{sig}",
        "Find the URLs in the following text.\n\n{sig}",
    ], {"sig": [
        "Best, Hannah Liu | Partnerships | hannah.liu@fernway.io | +44 20 7946 0321 | fernway.io/partners",
        "— Carlos Mendes, Field Ops, mobile (555) 013-2277, carlos.m@ridgeline.example, docs at https://ridgeline.example/ops",
        "Regards,\nDr. Ayesha Noor\nClinic line: 020 3900 1144\nayesha.noor@harbourclinic.example\nwww.harbourclinic.example/booking",
        "Thanks! Ollie — ollie@tinyforge.dev — https://github.com/tinyforge — call 07700 900123 (UK)",
        "Support: help@quietdesk.example / status page https://status.quietdesk.example / +1 415 555 0182",
    ]}, 5),
    Group("nested-normalised", "hard", 1, [
        "Extract every medication change from this discharge letter into JSON matching this schema: "
        "{{\"changes\": [{{\"drug\": str, \"action\": \"start|stop|increase|decrease|continue\", \"dose_mg\": number|null, "
        "\"frequency\": str|null, \"reason\": str|null}}]}}. Normalise drug names to generic names, convert all doses to mg, "
        "infer 'continue' only when the letter says so explicitly, and do not invent reasons.\n\n{letter}",
        "From the letter below, produce a normalised medication table (generic name, old dose in mg, new dose in mg, "
        "frequency as times per day, reason). Resolve references like 'the statin' or 'the water tablet' to the drug they "
        "mean, and list anything ambiguous separately instead of guessing.\n\n{letter}",
    ], {"letter": [
        "Mr K was admitted with fluid overload. We increased his furosemide from 40 mg to 80 mg each morning. The statin "
        "(atorvastatin 20mg) is continued. Ramipril 2.5 mg was stopped due to low blood pressure; GP may restart at 1.25 mg "
        "once BP > 110 systolic. Started bisoprolol 1.25mg once daily for rate control. Please reduce the water tablet back "
        "to 40 mg if weight drops below 78 kg.",
        "Medications on discharge: metformin 1 g twice daily (unchanged); gliclazide reduced from 80 mg bd to 40 mg bd after "
        "two hypos; Lipitor stopped because of muscle pain, consider rosuvastatin 5 mg in clinic; new: apixaban 5 mg bd for "
        "AF; paracetamol 1g qds prn.",
        "We switched her from Zoloft 50 mg to sertraline 100mg at night. Levothyroxine 0.1 mg daily continues. Omeprazole 20 "
        "mg was increased to 40 mg for reflux. The blood thinner was paused for the procedure and restarts on Friday at the "
        "previous dose.",
    ]}, 5),
    Group("cross-document", "hard", 1, [
        "Below are three emails about the same shipment that contradict each other. Extract a single reconciled record "
        "(order id, carrier, tracking number, ship date, promised delivery date, items and quantities). For every field "
        "where the emails disagree, give the value you chose, the alternatives, and which email you trusted and why.\n\n{emails}",
    ], {"emails": [
        "Email 1 (sales, Mon): Order 44-812 ships Wednesday via DHL, 12 chairs and 3 tables, delivery by the 20th.\n"
        "Email 2 (warehouse, Tue): 44-812 packed — 12 chairs, 2 tables (1 table backordered). Carrier changed to UPS, "
        "tracking 1Z999AA10123456784, leaves Thursday.\nEmail 3 (customer service, Fri): your order 44812 is on its way "
        "with UPS, expected 22nd; the third table follows separately.",
        "Email A (supplier): PO 7731, 500 units of SKU B-12, dispatched 3 May by sea freight, ETA 2 June.\nEmail B "
        "(forwarder): PO 7731 — 480 units received at port on 6 May, 20 units short; vessel departs 9 May, ETA 8 June.\n"
        "Email C (supplier, later): apologies, 20 units of B-12 will ship by air on 15 May, ETA 19 May.",
        "Msg 1: Booking HX-203, 4 pallets of printer paper, courier Parcelline, collection Tuesday 10th, delivery Thursday "
        "12th.\nMsg 2: HX203 collected Wednesday 11th instead (driver shortage), tracking PL-88123, 4 pallets.\nMsg 3: "
        "Delivery rescheduled to Monday 16th; only 3 pallets on the van, the 4th is at the depot.",
    ]}, 3),
    Hand("quick-pulls", "easy", 0, [
        "What is the flight number and departure time in this booking? 'Your flight KL1002 departs AMS at 07:35 on 14 June, gate D7.'",
        "Get the ingredients from this recipe line: 'Whisk 2 eggs with 100 g sugar, then fold in 120 g flour and a pinch of salt.'",
        "Extract the address from: 'Deliveries go to Unit 4, Marsh Lane Trading Estate, Bristol BS3 2NA, weekdays only.'",
        "Which year is mentioned in 'The bridge opened in 1932 and was widened decades later'?",
        "Pull the temperature and the city from 'It's 31 degrees in Seville this afternoon.'",
        "From 'Order #A-5521 for 3 x blue hoodie (size M) was shipped today', extract order number, item, size and quantity.",
        "Give me just the numbers in this sentence: 'We sold 340 tickets on Friday and 512 on Saturday, 852 in total.'",
        "What's the reservation name and party size? 'Table for 6 under Okonkwo at 8pm, birthday, window seat if possible.'",
        "Extract the product names from: 'Bundle includes the Aero 2 headphones, a Lumen desk lamp and the Stride charger.'",
        "Which programming languages are listed in 'Stack: Rust for the core, TypeScript for the UI, Python for scripts'?",
        "Pull out the hashtags from this post: 'Morning run done #marathontraining #5am #nodaysoff'",
        "Find the deadline in 'Applications close at midnight CET on Sunday 30 November; late entries are not accepted.'",
    ]),
    Hand("medium-pulls", "medium", 0, [
        "From this lease extract: monthly rent, deposit, start date, notice period and who pays utilities.\n\n'The tenancy "
        "begins 1 September 2025 at a rent of €1,150 per month. A deposit of two months' rent is payable on signing. Either "
        "party may end the tenancy with three months' written notice. Water is included; electricity and internet are the "
        "tenant's responsibility.'",
        "Read this product description and extract the specs as a table (weight, battery, screen size, ports, price).\n\n"
        "'The Nova 14 weighs just 1.2 kg, packs a 14-inch 2.8K OLED display and lasts up to 16 hours on a charge. You get "
        "two USB-C ports, one USB-A and a headphone jack, all for $1,099.'",
        "List each speaker in this transcript with the number of times they spoke.\n\nHOST: Welcome back.\nDANA: Thanks for "
        "having me.\nHOST: Let's start with the funding news.\nDANA: Sure, we closed the round last week.\nLUIS: And we're "
        "hiring.\nHOST: Great.",
        "Extract all monetary amounts with their currency and what they refer to: 'Tickets are $45 for adults, $20 for kids; "
        "parking costs £8 at the UK venue and the VIP upgrade is €60.'",
        "From these release notes, list the breaking changes only:\n- Added dark mode\n- Removed the deprecated /v1/users "
        "endpoint\n- Fixed crash on login\n- Config key `timeout` renamed to `timeout_ms`\n- Improved search speed",
        "Extract (symptom, duration) pairs from: 'Patient reports headaches for three weeks, nausea since yesterday, and "
        "intermittent dizziness over the past month.'",
        "Pull every error code and the service it came from out of these logs:\n[auth] E401 token expired\n[billing] E502 "
        "upstream timeout\n[auth] E429 rate limited\n[search] ok\n[billing] E409 duplicate charge",
        "What are the opening hours per day in: 'Mon–Fri 9–18, Sat 10–16, closed Sundays and public holidays; late opening "
        "Thursday until 20:00'?",
    ]),
    Hand("hard-pulls", "hard", 1, [
        "This is a 6-paragraph shareholder letter (pasted below). Extract every forward-looking quantitative commitment "
        "(metric, target value, deadline, and whether it is a firm commitment or an aspiration based on the wording), "
        "resolve relative dates like 'by the end of next year' against the letter's date of March 2025, and output CSV "
        "with a header row. Skip figures that only describe the past.\n\n'Dear shareholders, 2024 was a year of "
        "rebuilding... We will cut operating costs by 8% by the end of next year. We hope to reach 1 million subscribers "
        "within eighteen months. Capital expenditure will not exceed $40m in fiscal 2025. Last year revenue grew 12%. "
        "We aim for net zero in our own operations by 2030 and commit to a 30% reduction in Scope 2 emissions by 2027...'",
        "Extract a timeline of events from the incident chat log below as JSON [{time_utc, actor, event}]. Times are given "
        "in three different time zones (PST, CET and UTC) — convert all to UTC, merge duplicate reports of the same event, "
        "and mark events whose time you had to infer.\n\n09:02 PST alice: paging is firing for checkout\n18:05 CET bob: "
        "confirmed, 5xx spike on checkout-api\n17:07 UTC carol: rolled back deploy 4411\n09:15 PST alice: errors dropping\n"
        "18:20 CET bob: all green, closing the incident\ncarol: postmortem doc created (no timestamp)",
        "Here are 4 CVs in plain text. For each candidate extract total years of professional experience (compute from the "
        "date ranges, merging overlapping jobs), highest degree, and the three most recent employers. Present a comparison "
        "table and note any date gaps longer than 6 months.\n\nCV1: Analyst, Fenwick 2015-2018; Senior Analyst, Orla "
        "2018-2021; Lead, Orla 2021-now; BSc Economics.\nCV2: Intern, Kite 2019; Engineer, Kite 2019-2020; Engineer, Vance "
        "2021-2023 (freelance 2020-2022 overlapping); MSc CS.\nCV3: Teacher 2010-2016; career break 2016-2018; UX designer, "
        "Plume 2018-present; PGCert.\nCV4: Consultant, Arden 2012-2014; PhD 2014-2019; Researcher, Lumo 2019-2024.",
    ]),
]

ITEMS += [
    Group("calendar-event", "easy", 0, [
        "Turn this message into a calendar entry (title, date, start time, end time, location): \"{msg}\"",
        "Extract the event details from: {msg}",
    ], {"msg": [
        "Dentist check-up Tuesday 14 Oct at 10:30 for about 45 minutes, Smile Dental on King Street.",
        "Team lunch next Friday 12:00–13:30 at the Thai place by the station, Ollie's paying!",
        "Parent evening: Thursday 6 Nov, 17:00 to 19:00, main hall, bring the reading log.",
        "Vet appointment for Biscuit on 3 March at 9:15, should take half an hour, Riverside Vets.",
        "Quarterly review moved to Monday 2 Dec, 14:00–15:00, room 4B / video link in invite.",
        "Yoga taster session, Sat 18 Jan, 8am-9am, community centre studio 2.",
        "Flight to Lisbon departs 21 May 06:40 from Gatwick North, arrives 09:30.",
    ]}, 7),
    Group("obligations", "hard", 1, [
        "From the agreement excerpt below, extract every obligation as a row: party, action, deadline or trigger, "
        "condition or exception, and the clause number. Split compound obligations into separate rows, and mark any "
        "obligation whose deadline depends on another obligation.\n\n{excerpt}",
    ], {"excerpt": [
        "3.1 The Supplier shall deliver the Goods within 20 Business Days of each Purchase Order. 3.2 The Customer shall "
        "inspect the Goods within 5 Business Days of delivery and notify defects in writing; failing notice, the Goods are "
        "deemed accepted. 3.3 The Supplier shall replace defective Goods within 10 Business Days of notice, unless the "
        "defect results from misuse. 4.1 The Customer shall pay within 30 days of acceptance.",
        "7.2 The Processor shall notify the Controller of a Personal Data Breach without undue delay and in any event within "
        "48 hours of becoming aware. 7.3 The Processor shall assist with breach notifications to authorities, at the "
        "Controller's cost where the breach was not caused by the Processor. 7.4 Sub-processors may be engaged only with 30 "
        "days' prior notice, during which the Controller may object on reasonable grounds.",
        "5.1 The Contractor shall submit a method statement before starting work on site. 5.2 Work shall not begin until "
        "the Client approves the method statement, such approval to be given or refused within 7 days. 5.3 The Contractor "
        "shall complete the works within 12 weeks of approval, subject to extensions for Client-caused delay.",
    ]}, 3),
    Hand("more-pulls", "medium", 0, [
        "From this hotel confirmation, pull out check-in date, check-out date, number of nights, room type and total "
        "price: 'Dear guest, we look forward to welcoming you from 12 to 15 August in a Superior Double Room. Total for your "
        "stay: €462 including breakfast. Free cancellation until 5 August.'",
        "Extract each course name, its credit value and the grade from this transcript snippet: 'Statistics I (6 ECTS) – "
        "B+; Microeconomics (5 ECTS) – A; Academic Writing (3 ECTS) – Pass; Linear Algebra (6 ECTS) – C'.",
        "List every ingredient with its quantity from this recipe: 'For the dough you'll need 500g strong flour, 7g dried "
        "yeast, 1 tsp salt and 320ml warm water. Top with 200g mozzarella, a jar of passata and a handful of basil.'",
        "From the patient-portal message below, extract: symptoms, when they started, medications mentioned, and the "
        "question being asked. 'Since Sunday I've had a sore throat and a temperature around 38. I've been taking "
        "paracetamol and ibuprofen. Do I need antibiotics or should I wait?'",
        "Pull every person and the amount they owe from this group-trip message: 'OK final tally: Jo owes 45, Sam owes "
        "12.50, Priya is even, and Max owes 30 but already paid 10.'",
        "Extract the product, the problem and the requested resolution from this complaint: 'The Aria kettle I bought "
        "last month leaks from the base. I'd like a replacement, not a refund.'",
        "What are the key dates in this visa letter? 'Your application received on 2 April was approved on 29 April. The "
        "visa is valid from 1 June 2025 until 31 May 2026. You must enter the country before 1 September 2025.'",
        "From the GitHub issue text, extract: the OS, the app version, steps to reproduce, expected and actual behaviour. "
        "'On macOS 14.5, v2.3.1: open settings, toggle sync, close the window. Expected sync to stay on; it turns off again.'",
    ]),
    Hand("more-hard-pulls", "hard", 1, [
        "Extract a knowledge graph from this paragraph as (subject, relation, object) triples, normalising entity names "
        "(e.g. 'the company', 'Orbis' and 'Orbis Ltd' are one entity), resolving every pronoun, and dropping speculative "
        "statements: 'Orbis Ltd, founded by Mira Sato in 2011, acquired Lantern Analytics in 2019. The company later "
        "moved its HQ to Dublin. Sato, who previously worked at Vexa, stepped down in 2023; her successor, Paul Kerr, may "
        "sell Lantern next year. It employs 340 people.'",
        "From the bank statement lines below, extract recurring subscriptions only: merchant, amount, billing frequency "
        "(infer it from the dates), and next expected charge date. Ignore one-off purchases even if the merchant is "
        "familiar.\n03/01 SPOTIFY 10.99\n05/01 AMAZON MKTPL 23.40\n03/02 SPOTIFY 10.99\n15/01 GYMFLEX 29.00\n15/02 GYMFLEX "
        "29.00\n20/02 AMAZON PRIME 95.00\n03/03 SPOTIFY 10.99\n11/03 AMAZON MKTPL 8.99\n15/03 GYMFLEX 29.00",
    ]),
]
