"""Closed QA: answer a question from supplied reference text."""
from .common import Group, Hand

TASK = "closed_qa"

PASSAGES = [
    ("The Kestrel Valley Railway opened in 1887 to carry slate from the quarries at Penrhos to the harbour at Aberkell. "
     "Passenger services began in 1891 and ended in 1952, when road transport took over. Volunteers reopened a 6 km "
     "section as a heritage line in 1978; it now carries about 90,000 visitors a year.",
     ["When did passenger services end?", "What did the railway originally carry?", "How long is the heritage section?",
      "How many visitors does the line get each year?"]),
    ("Our refund policy: items can be returned within 30 days of delivery if unused and in original packaging. Sale items "
     "can only be exchanged, not refunded. Refunds are issued to the original payment method within 5 business days of "
     "us receiving the item. Return shipping is free for orders over €50.",
     ["Can I get a refund on a sale item?", "How long do refunds take?", "Is return shipping free on a €35 order?",
      "What condition must returned items be in?"]),
    ("Mount Adria is 2,914 m high and was first climbed in 1865 by a party led by local guide Jakob Sterner. The normal "
     "route from the south takes 6–8 hours and requires a glacier crossing. The north face was not climbed until 1938.",
     ["Who led the first ascent?", "How long does the normal route take?", "When was the north face first climbed?",
      "Does the normal route cross a glacier?"]),
    ("The Greenfield Community Garden has 48 plots, rented for £35 a year. Plot holders must attend two work days per "
     "season and may not use chemical pesticides. The waiting list is currently about 18 months. Tools are shared and "
     "kept in the shed, which is locked at dusk.",
     ["How much does a plot cost?", "Are pesticides allowed?", "How long is the waiting list?",
      "How many work days must plot holders attend?"]),
    ("Version 4.2 of the Lumen SDK adds support for offline caching and drops support for Android 8. The minimum iOS "
     "version is now 15. The deprecated `syncNow()` method has been removed; use `sync(force: true)` instead. This release "
     "also fixes a memory leak in the image loader.",
     ["Which Android version is no longer supported?", "What replaces syncNow()?", "What is the minimum iOS version?",
      "Which bug was fixed?"]),
    ("The Hartwell Prize is awarded every two years to an early-career researcher in marine biology. Candidates must be "
     "within eight years of their PhD. The prize is worth $25,000 and includes a four-week residency at the Coral Point "
     "field station. Nominations close on 31 January.",
     ["How often is the prize awarded?", "What is the eligibility limit after the PhD?", "How much is the prize worth?",
      "When do nominations close?"]),
]

LAYOUTS = [
    "Read the passage and answer the question.\n\nPassage: {passage}\n\nQuestion: {question}",
    "{passage}\n\nBased on the text above, {lower}",
    "Context: {passage}\nQ: {question}\nAnswer using only the context.",
    "Answer from the notice below, one sentence.\n\n\"{passage}\"\n\n{question}",
]

ITEMS = [
    Group("passage-lookup", "easy", 0, ["{item}"], {"item": [
        layout.format(passage=passage, question=question, lower=question[0].lower() + question[1:])
        for n, (passage, questions) in enumerate(PASSAGES)
        for m, (question, layout) in enumerate(zip(questions, LAYOUTS[n % 2:] + LAYOUTS[:n % 2]))
    ]}, 18),
    Group("policy-check", "medium", 0, [
        "Here is our travel policy: \"{policy}\"\n\nQuestion from an employee: {question}",
        "According to this policy, {question}\n\nPolicy text: {policy}",
    ], {"policy": [
        "Economy class for flights under 6 hours; premium economy allowed above 6 hours. Hotels up to €180/night in capital "
        "cities, €130 elsewhere. Meals reimbursed up to €50/day with receipts. Taxis only when public transport takes over "
        "45 minutes longer.",
        "Employees get 25 days of annual leave plus public holidays. Up to 5 unused days can be carried into the next year "
        "and must be used by 31 March. Leave requests over 10 consecutive days need two months' notice.",
        "Laptops are replaced every 4 years, or earlier if repair costs exceed 50% of a new device. Personal software may not "
        "be installed without IT approval. Lost devices must be reported within 24 hours.",
    ], "question": [
        "can I fly premium economy to Singapore on a 12-hour flight?",
        "my hotel in Lyon is €150 a night, is that okay?",
        "how many unused days can I carry over, and until when?",
        "do I need approval to install a music player?",
        "I want 12 days off in August, when do I need to ask?",
        "my 3-year-old laptop needs a €900 repair and a new one costs €1,400 — can I get a replacement?",
    ]}, 10),
    Group("table-lookup", "medium", 0, [
        "Using this table, {question}\n\n{table}",
    ], {"table": [
        "| Plan | Price/month | Users | Storage |\n|---|---|---|---|\n| Starter | $9 | 1 | 50 GB |\n| Team | $29 | 5 | 1 TB |\n| Business | $79 | 25 | 5 TB |",
        "Route | Departs | Arrives | Changes\nA | 07:10 | 09:45 | 1\nB | 07:40 | 09:30 | 0\nC | 08:05 | 10:50 | 2",
        "Team, Played, Won, Drawn, Lost, Points\nRovers, 10, 7, 2, 1, 23\nUnited, 10, 6, 3, 1, 21\nCity, 10, 6, 1, 3, 19",
    ], "question": [
        "which option is the fastest?", "which one has no changes or the fewest?", "what is the difference between the top two?",
        "what would 3 users cost per month at minimum?",
    ]}, 10),
    Group("multi-hop", "hard", 1, [
        "Answer using only the document, and show the chain of facts you combined:\n\n{doc}\n\nQuestion: {question}",
    ], {"doc": [
        "Ward A has 24 beds and Ward B has 30. From 1 May, Ward B loses 6 beds to refurbishment for 8 weeks. Each bed needs "
        "one nurse per 6 beds on day shifts and one per 8 beds at night. Agency nurses cost £420 per shift; staff nurses are "
        "already rostered for the original bed numbers. The refurbishment was later extended by 3 weeks.",
        "The library lends e-books for 14 days, renewable twice if nobody is waiting. Audiobooks lend for 21 days with one "
        "renewal. Holds expire 3 days after the item becomes available. On 1 June Priya borrowed an e-book and an "
        "audiobook; someone placed a hold on the audiobook on 15 June; she renewed the e-book whenever possible.",
        "Project Falcon's budget is split 40% hardware, 35% staff, 25% contingency. Hardware costs came in 15% over its "
        "share, paid from contingency. Staff costs came in 10% under. The total budget was €800,000. Any unspent "
        "contingency returns to the central fund at year end.",
    ], "question": [
        "How many nurse shifts per day are no longer needed during the full refurbishment period, and what is the total "
        "agency saving if those would have been agency shifts?",
        "What is the latest date each item must be returned, and why?",
        "How much contingency returns to the central fund, and what was the final total spend?",
    ]}, 3),
    Hand("quick-lookups", "easy", 0, [
        "Text: 'The museum is open Tuesday to Sunday, 10:00–17:00. Entry is free on the first Sunday of each month.' "
        "Question: Is the museum open on Mondays?",
        "From this label — 'Contains: wheat, milk, soy. May contain traces of nuts.' — does it contain eggs?",
        "Given the sentence 'Lena moved to Oslo in 2019 after five years in Bergen', where did Lena live in 2016?",
        "Read: 'The meeting room seats 12 and has a projector but no video-conferencing.' Can we hold a video call there?",
        "According to this note, who is picking up the kids? 'Mum has yoga until 6, so Dad collects the kids at 4:30 today.'",
        "In the paragraph 'Our office moved from floor 3 to floor 7 in January', which floor is the office on now?",
        "The recipe says 'bake for 25 minutes at 180°C, or until golden'. What temperature should the oven be?",
        "Based on 'Tickets: adults €12, students €8, under-5s free', how much do two adults and one student pay?",
        "'The warranty covers parts for 2 years and labour for 1 year.' Is labour covered in year two?",
        "Using the text 'The 8:15 train is cancelled; the next service is at 8:45 and will stop at all stations', when is the next train?",
    ]),
    Hand("medium-lookups", "medium", 0, [
        "Here's the FAQ section of our gym: 'Guest passes cost £10 and members can bring a guest twice a month. Classes "
        "must be booked 24 hours ahead through the app. Towels are £1 to rent. Under-16s may only use the pool with an "
        "adult.' My 15-year-old wants to swim alone while I do a class. Is that allowed?",
        "From the email below, what time does the client want the call, in my time zone (London)?\n\n'Hi! Could we talk "
        "Thursday at 9am Eastern? If that's too early for you, 11 works too. — Maria, Boston'",
        "Using only this changelog, which version first supported dark mode, and was it ever removed?\n\nv1.2: added CSV "
        "export\nv1.3: dark mode (beta)\nv1.4: dark mode stable, removed legacy theme\nv1.5: performance fixes",
        "Given this weather summary — 'Rain until 11, then cloudy; sun from 15:00; wind 30 km/h easing after noon' — is "
        "the afternoon a good time for a picnic? Answer only from the summary.",
        "The contract says: 'Either party may terminate with 60 days' written notice. Early termination in year one incurs a "
        "fee of 3 months' fees.' We signed 5 months ago at €2,000/month. What does ending it now cost and when would it end?",
        "According to these bus times (Route 7: 07:05, 07:35, 08:05; journey 25 min) and the fact that I must be at work by "
        "08:00 with a 5-minute walk from the stop, which bus do I need?",
    ]),
    Hand("hard-lookups", "hard", 1, [
        "Below is an excerpt from a tax guidance note. My situation: I'm a sole trader, turnover £92,000 last year, I "
        "started charging VAT in March, and half my sales are to EU businesses. Using only the excerpt, answer: which "
        "threshold applies to me, which of my sales are zero-rated, and what I need to keep as evidence. Point out anything "
        "the excerpt doesn't cover instead of guessing.\n\n'You must register for VAT if your taxable turnover exceeds "
        "£90,000 in a rolling 12-month period. Services supplied to business customers outside the UK are generally outside "
        "the scope of UK VAT under the general rule. Goods exported to the EU may be zero-rated if you keep evidence of "
        "export within three months.'",
        "Read the two clauses below and answer: if the supplier delivers 10 days late and the customer had already paid, "
        "what can the customer claim and can they also terminate? Walk through how the clauses interact.\n\nClause 5: 'Late "
        "delivery entitles the Customer to a credit of 1% of the order value per day, capped at 10%.' Clause 11: 'The "
        "Customer may terminate if delivery is more than 14 days late. Credits under Clause 5 are the Customer's sole "
        "remedy for delay.'",
        "Using the race results and the scoring rules below, who wins the season, and would the result change if the "
        "dropped-score rule were removed?\n\nRules: 10 points for a win, 6 for second, 4 for third, 2 for fourth; each "
        "rider's worst race is dropped.\nRace 1: Ana, Ben, Caz, Dev. Race 2: Ben, Caz, Ana, Dev. Race 3: Caz, Dev, Ben, "
        "Ana. Race 4: Ana, Dev, Caz, Ben. Race 5: Dev, Ana, Ben, Caz.",
    ]),
]

MORE_PASSAGES = [
    ("Riverside Leisure Centre: the pool is open 6:30–21:00 on weekdays and 8:00–18:00 at weekends. Lane swimming "
     "only before 9:00. Children under 8 must be accompanied in the water by an adult. A single swim costs £5.20; "
     "a monthly pass is £38.", "Can my 7-year-old swim while I watch from the side?"),
    ("The Nightingale Grant supports community music projects with up to €8,000. Applicants must be non-profit "
     "organisations registered for at least two years. Equipment can make up no more than 30% of the budget. The "
     "next deadline is 15 September and decisions are made within 10 weeks.", "What is the most I can spend on equipment with a full grant?"),
    ("To reset the Aura thermostat, hold the dial down for 10 seconds until the screen flashes blue. This keeps your "
     "schedule but forgets the wifi network. A factory reset (hold 30 seconds) erases everything. Firmware updates "
     "install automatically at 3am.", "Will a 10-second reset delete my heating schedule?"),
    ("Platform 9 at Westford station is closed until 30 June for resurfacing. Trains to Kingsbridge now leave from "
     "platform 4; step-free access to platform 4 is via the lift next to the ticket office. Journey times are "
     "unchanged.", "Where do I catch the Kingsbridge train, and is there step-free access?"),
    ("Apprentices in the scheme work four days a week and study one day at college. The first-year wage is £11.20 per "
     "hour, rising to £13.00 in year two. The scheme lasts 30 months and ends with a Level 4 qualification.",
     "How long is the apprenticeship and what does it pay in the second year?"),
    ("The city bike scheme charges €1 to unlock and €0.15 per minute. Annual members pay €60 and get the first 30 "
     "minutes of every ride free. E-bikes cost an extra €0.10 per minute for everyone.",
     "As an annual member, what does a 40-minute e-bike ride cost?"),
    ("Sunflower Primary's uniform is a navy jumper, white polo shirt and grey trousers or skirt. Trainers are allowed "
     "only on PE days (Tuesday and Thursday). Jewellery is limited to small stud earrings and a watch.",
     "Can my son wear trainers on Wednesday?"),
    ("The cloud storage free tier includes 15 GB shared across mail, files and photos. Files in the bin count toward "
     "storage until they are permanently deleted after 30 days. Shared files count only against the owner's quota.",
     "Do files someone shared with me use my storage?"),
]

ITEMS += [
    Group("notice-question", "easy", 0, ["{item}"], {"item": [
        layout.format(passage=p, question=q) for (p, q), layout in zip(MORE_PASSAGES, [
            "{passage}\n\nQuestion: {question}",
            "Answer using only this information: \"{passage}\" — {question}",
            "Here is a notice: {passage}\nMy question: {question}",
            "Read this and tell me: {question}\n\n{passage}",
        ] * 2)
    ]}, 8),
    Hand("doc-questions", "medium", 0, [
        "Based on this job description, do I qualify if I have 3 years of experience and no degree? 'Requirements: a "
        "degree in computer science or equivalent experience (4+ years); strong SQL; experience with dashboards.'",
        "From the warranty text below, is accidental damage covered and for how long is the battery covered?\n'Your "
        "device is covered against manufacturing defects for 24 months. Batteries are covered for 12 months or until "
        "capacity drops below 80%, whichever comes first. Accidental damage, water damage and cosmetic wear are excluded.'",
        "According to the passage, why did the expedition turn back? 'Despite good weather, the team abandoned the summit "
        "attempt at 8,100 m after one climber showed signs of altitude sickness and the oxygen regulator on another failed.'",
        "Here's our on-call policy: 'Primary on-call responds within 15 minutes; if no response, the secondary is paged "
        "after 20 minutes. On-call weeks run Monday 10:00 to Monday 10:00. Swaps must be logged in the rota tool.' If "
        "the primary doesn't answer a page at 23:00, when does the secondary get paged?",
        "Using the ingredients list 'oats, almonds, honey, sunflower oil, dried apricot, sesame', is this bar safe for "
        "someone with a peanut allergy and someone who is vegan?",
        "The passage: 'In 1851 the Great Exhibition opened in the Crystal Palace in Hyde Park; the building was later moved "
        "to Sydenham, where it burned down in 1936.' Where was the Crystal Palace when it burned down?",
    ]),
    Group("document-reasoning", "hard", 1, [
        "Answer strictly from the policy below; if it does not settle the question, say exactly what is missing. Explain "
        "which clauses you combined.\n\nPolicy: {policy}\n\nQuestion: {question}",
    ], {"policy": [
        "(1) Overtime is paid at 1.5x for hours beyond 40 per week. (2) Hours on public holidays are paid at 2x and do not "
        "count toward the 40. (3) Employees on a salaried contract above €60k are not eligible for overtime. (4) Overtime "
        "must be approved in advance by a manager; unapproved overtime is paid at the normal rate.",
        "(a) Customers can cancel within 14 days for a full refund. (b) After 14 days, annual plans are refunded pro rata "
        "minus a €20 fee. (c) Monthly plans are not refunded after 14 days. (d) Customers who upgraded mid-term are treated "
        "as having started on the upgrade date.",
    ], "question": [
        "An hourly employee worked 46 hours including 8 on a public holiday, 2 of the extra hours were unapproved. How is "
        "each hour paid?",
        "I bought an annual plan on 1 January, upgraded it on 1 March, and want to cancel on 10 March. What refund do I get?",
        "A salaried employee on €58k worked 45 hours with approval. What extra pay do they get?",
        "A monthly customer cancels on day 20 after upgrading on day 10. Refund?",
    ]}, 6),
]
