"""Multi-step reasoning: plans, puzzles, decisions and other chains of dependent steps."""
from .common import Group, Hand

TASK = "multi_step_reasoning"

ITEMS = [
    Group("logic-puzzle", "hard", 1, [
        "Solve this puzzle and explain each deduction: {puzzle}",
        "Work through this step by step and state the answer clearly at the end. {puzzle}",
    ], {"puzzle": [
        "Four colleagues — Ana, Ben, Chen and Dara — each sit in one of four offices numbered 1-4 and drink one of tea, "
        "coffee, water or juice. Ben is directly next to the coffee drinker. The juice drinker is in office 4. Ana is not "
        "in 1 or 4. Chen drinks water and sits in an odd-numbered office. Dara is next to Ana. Who drinks tea?",
        "A cargo bike, a van and a drone deliver three parcels (fragile, heavy, urgent). The drone can't carry heavy "
        "items, the cargo bike can't do urgent deliveries across town, and the van can't take fragile items because it "
        "has no padding. Each vehicle takes exactly one parcel. Who carries what?",
        "Five tasks must be scheduled on two machines. Task C needs A finished first, E needs both B and C, D can run any "
        "time but takes 4 hours; A, B, C and E take 2, 3, 1 and 2 hours. What is the minimum time to finish everything?",
        "On an island, knights always tell the truth and knaves always lie. P says 'Q is a knave.' Q says 'P and R are the "
        "same type.' R says 'I am a knight.' Determine all three.",
        "A ferry can carry the farmer plus one item. Left alone, the goat eats the cabbage and the dog chases the goat, "
        "but the dog ignores the cabbage. Find the shortest sequence of crossings that gets all across.",
        "Six runners finished a race. Mo beat Jo but lost to Lu. Ky finished right after Jo. Ri was not last and beat Mo. "
        "Al finished between Lu and Ri. Give the full finishing order or say what's undetermined.",
    ]}, 8),
    Group("decision-tradeoff", "hard", 1, [
        "Help me decide: {decision} Walk through the trade-offs step by step, quantify where you can, state your "
        "assumptions, and give a recommendation with what would change it.",
        "Think through this carefully: {decision} Compare the options on cost, risk and reversibility, and end with a "
        "clear recommendation.",
    ], {"decision": [
        "should our 12-person startup move from Heroku to Kubernetes on AWS now, given 40% monthly growth and one "
        "part-time ops engineer?",
        "should I take a job offer paying 18% more that requires relocating, when my partner's job is remote but our "
        "kids are mid-school-year?",
        "should our clinic buy a second ultrasound machine (€85k) or extend opening hours with the existing one?",
        "should we rewrite our legacy PHP monolith or strangle it piece by piece, with 3 developers and a big customer "
        "asking for features?",
        "should my small bakery lease a second location or invest the same money in a delivery van and wholesale?",
        "should the school replace paper textbooks with tablets for years 7-9 given a fixed 3-year budget?",
    ]}, 8),
    Group("planning", "medium", 1, [
        "Plan {plan}. Constraints: {constraints}. Give a step-by-step plan with timings and explain the order.",
        "Make a detailed plan to {plan} — {constraints}. Identify dependencies and the critical path.",
    ], {"plan": [
        "a two-week product launch for a mobile app", "moving house with two kids and a dog",
        "a 3-day conference for 200 people", "migrating our email from one provider to another",
        "a kitchen renovation", "training for a half-marathon in 12 weeks as a beginner",
    ], "constraints": [
        "budget of €8,000, only two people working on it, one public holiday in the middle",
        "nothing can be done on weekends, and the venue is only free from Wednesday",
        "zero downtime allowed and 40 users across three time zones",
        "the contractor can start only after the permit, which takes 3-5 weeks",
    ]}, 8),
    Group("estimation", "medium", 1, [
        "Estimate {quantity}. Show your reasoning step by step with the numbers you assume, and give a range.",
    ], {"quantity": [
        "how many piano tuners work in a city of 2 million people", "the yearly electricity cost of running 300 office "
        "laptops", "how many litres of coffee a 1,000-person office drinks per year", "how long it would take to read "
        "every book in a small town library", "the number of API calls per second at peak for a food-delivery app with 2 "
        "million monthly users", "how much storage a year of CCTV footage from 40 cameras needs",
    ]}, 6),
    Group("causal-debug", "hard", 1, [
        "Reason through this: {situation} What are the possible causes, how would you test each one in order, and what's "
        "most likely?",
    ], {"situation": [
        "our signup conversion dropped 30% overnight, but traffic is the same and no deploy happened.",
        "the office wifi is fast in the morning and unusable after 2pm every weekday.",
        "a batch job that took 20 minutes now takes 3 hours since we moved to a bigger database server.",
        "sales of our best product fell in one region only, while the same product grew elsewhere.",
        "customers say emails from us arrive hours late, but our logs say they were sent instantly.",
    ]}, 5),
    Hand("easy-reasoning", "easy", 0, [
        "If today is Wednesday, what day will it be in 10 days?",
        "I have a 9am meeting and it takes 40 minutes to get there. I need 30 minutes to get ready. When should I wake up?",
        "Which is heavier, a kilo of feathers or a kilo of bricks?",
        "If I'm taller than Sam and Sam is taller than Lee, who is shortest?",
        "I need to be at the airport 2 hours before a 14:30 flight and it's a 1-hour drive. When should I leave?",
        "Order these from smallest to largest: a cat, an elephant, a mouse, a horse.",
        "Step by step: I have 3 apples, eat one, buy 5 more, and give half away. How many do I have?",
        "What should I pack first when moving: the kitchen or the spare room? Think it through briefly.",
        "If a shop opens at 9 and closes at 17:30 with a 30-minute lunch break, how many hours is it open?",
        "My plant needs water every 3 days and I watered it Monday. Which days this week do I water it?",
    ]),
    Hand("medium-reasoning", "medium", 1, [
        "We have three delivery drivers and 14 stops across town. Think step by step about how to split the stops so "
        "nobody drives more than 3 hours, given that stops 1-5 are north, 6-10 central and 11-14 south, and the depot is central.",
        "I have £1,200 to split between an emergency fund, paying off a 22% credit card and a work pension with a 50% "
        "employer match up to £100/month. Work out the best order of priorities step by step.",
        "Our team of 5 has 4 projects, each needing different skills: A needs 2 backend, B needs 1 designer and 1 "
        "frontend, C needs 1 backend and 1 data person, D needs 1 frontend. People: Ali (backend, data), Bo (frontend), "
        "Cy (backend), Di (designer, frontend), Ed (data). Can all projects be staffed in parallel? If not, what's the best sequence?",
        "First figure out which of these three flights is cheapest once bag fees are included, then check which one "
        "still gets me to Berlin before 18:00: Flight 1 €89 + €35 bag, lands 17:40; Flight 2 €120 incl. bag, lands 15:10; "
        "Flight 3 €70 + €45 bag, lands 18:20.",
        "Reason it out: if our support team resolves 120 tickets a day and we get 150 a day for the next 10 days, then "
        "90 a day after that, when does the backlog clear, starting from 200 open tickets?",
    ]),
    Hand("easy-plans", "easy", 0, [
        "Give me a simple plan for cleaning my flat in an hour.",
        "What steps should I follow to make a cup of pour-over coffee?",
        "Plan a relaxing Sunday for me: I like reading, walks and cooking.",
        "What order should I do these errands in: post office (closes 12), gym, supermarket (frozen food)?",
    ]),
    Hand("hard-reasoning", "hard", 1, [
        "A hospital has 3 operating rooms and 11 surgeries tomorrow with different durations, surgeon availability "
        "windows, and two surgeries that need the same specialised anaesthetist. Reason step by step to build a "
        "feasible schedule that minimises overtime; here are the details:\nS1 2h Dr A 8-14; S2 1h Dr B any; S3 3h Dr A "
        "8-14 (needs anaesthetist X); S4 1.5h Dr C 12-18; S5 2h Dr B 8-12 (needs X); S6 1h Dr D any; S7 2.5h Dr C 12-18; "
        "S8 1h Dr D 8-10; S9 2h Dr E 10-16; S10 0.5h Dr E any; S11 3h Dr B 13-19. Rooms run 8:00-17:00.",
        "We must choose a database for a new multi-tenant SaaS product: Postgres with row-level security, one database per "
        "tenant, or a distributed SQL database. Reason through tenant isolation, noisy neighbours, schema migrations across "
        "10,000 tenants, backup/restore of a single tenant, cost at 100 and at 10,000 tenants, and compliance with EU data "
        "residency. Conclude with a decision and a migration path if we outgrow it.",
        "Two trains leave stations 300 km apart toward each other, one at 80 km/h at 9:00 and the other at 120 km/h at "
        "9:30. A drone starts above the first train at 9:00, flies at 150 km/h to the second train, turns back, and keeps "
        "shuttling until the trains meet. How far does the drone fly, and at what time and place do the trains meet? "
        "Explain each step.",
        "You're the incident commander. At 02:10 the payment provider's API starts returning 503s for 20% of requests; "
        "at 02:25 our retry storm pushes the database CPU to 95%; at 02:40 the on-call engineer restarts the API pods, "
        "making it worse. Walk through, step by step, what should have been done at each point, the order of mitigations, "
        "and which two systemic fixes prevent a repeat.",
        "Given these constraints for a wedding seating plan — 8 tables of 8, two families that must not share a table, "
        "children seated with at least one parent, the best man next to the groom's grandmother, and the band near no "
        "table with elderly guests — describe a step-by-step method to produce a valid plan and check it for conflicts.",
    ]),
]

ITEMS += [
    Group("what-if", "medium", 1, [
        "Think it through step by step: {scenario} What happens, and what should we do first, second and third?",
    ], {"scenario": [
        "our main supplier announces a 25% price rise starting next month, and we have six weeks of stock.",
        "two of our five developers resign in the same month, right before a contractual deadline.",
        "the venue for our 300-person conference cancels three weeks before the event.",
        "a competitor launches a free version of our paid product.",
        "our cloud region has a multi-hour outage and we only deploy to one region.",
        "a key customer representing 40% of revenue asks for a 15% discount at renewal.",
    ]}, 6),
    Group("sequence-deduction", "hard", 1, [
        "Deduce step by step: {puzzle}",
    ], {"puzzle": [
        "A safe code has 3 digits. '682': one digit is right and in place. '614': one digit is right but misplaced. '206': "
        "two digits are right but both misplaced. '738': nothing is right. '780': one digit is right but misplaced. Find the code.",
        "Three boxes are labelled 'apples', 'oranges' and 'mixed', and every label is wrong. You may pick one fruit from one "
        "box without looking. Which box do you choose and how do you relabel all three?",
        "Five houses in a row are painted different colours. The green house is immediately left of the white one. The "
        "red house is in the middle. The blue house is at one end and not next to the yellow house. Give the order, and "
        "say whether it's unique.",
        "A clock loses 4 minutes every hour. It was set correctly at noon. When it shows 6pm the same day, what is the real "
        "time? Then: when will it next show the correct time?",
        "You have 12 coins, one counterfeit that is either heavier or lighter, and a balance scale. Describe a strategy "
        "to find the coin and whether it's heavy or light in three weighings.",
    ]}, 5),
    Hand("planning-hand", "medium", 1, [
        "Plan my week step by step: I have a report due Thursday noon (needs ~8 hours), two evening classes (Mon, Wed), "
        "a dentist appointment Tuesday 9-10, and I want three gym sessions. I work 9-17. Where does everything fit?",
        "Figure out the cheapest way to get four people from Manchester to Edinburgh for a weekend: a car (fuel £70 return, "
        "parking £25/day), trains (£45 each return with a group discount of a third for 3+ people), or a coach (£28 each). "
        "Walk through the comparison, then consider time as well.",
        "I'm organising a 10-person dinner where 2 are vegan, 1 is gluten-free and 1 doesn't eat fish. Reason through a "
        "three-course menu where every course has one dish that everyone can eat, and plan the cooking order so "
        "everything is ready at 19:30 with one oven.",
        "We need to pick 2 of 5 candidate features for the next sprint. Impact/effort: A 8/5, B 5/2, C 9/8, D 3/1, E 6/3. "
        "We have 8 effort points. Dependencies: C needs B done first. Reason through the options and pick the best pair.",
        "Walk me through how to prioritise paying off these debts with £500/month: credit card £3,200 at 24%, car loan "
        "£6,000 at 7%, overdraft £800 at 39%, student loan £18,000 at 4%. Show the order and roughly when each is cleared.",
        "My flight lands at 14:05 and the last ferry leaves at 17:00, 70 km away. Baggage takes 25-45 minutes, car hire "
        "pickup 20 minutes, and the drive takes 60-80 minutes. Reason through whether I'll make it and what the backup is.",
    ]),
    Hand("more-easy-reasoning", "easy", 0, [
        "If a film starts at 7:45pm and lasts 2 hours 10 minutes, when does it end?",
        "I have three shirts and two pairs of trousers. How many different outfits can I make?",
        "Which comes first alphabetically: 'banana', 'apple' or 'cherry'? Then which comes last?",
        "My meeting runs from 10:15 to 11:50. How long is that?",
        "If I save €20 a week, how many weeks until I have €300?",
        "Sort these tasks by deadline: tax return (31 Jan), passport renewal (next week), dentist (tomorrow).",
    ]),
]
