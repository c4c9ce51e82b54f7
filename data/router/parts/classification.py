"""Classification: assign a label or category to supplied text."""
from .common import Group, Hand

TASK = "classification"

REVIEWS = [
    "The blender is loud but it crushes ice in seconds and cleans up easily.",
    "Arrived two weeks late and the box was crushed. The mug inside was chipped.",
    "Honestly it does what it says. Nothing more, nothing less.",
    "I've bought three of these for my family because the battery lasts forever.",
    "The app keeps logging me out every time I switch networks, which is maddening.",
    "Staff were friendly, room was clean, but the wifi barely worked past 9pm.",
    "Great price for the quality. The stitching came loose after a month though.",
    "Five stars. The customer service rep stayed on the phone until it was fixed.",
    "Not worth the hype. The flavour is bland and the portion is tiny.",
    "It's fine for kids, but the plastic feels cheap and the lid doesn't seal.",
    "Setup took five minutes and the picture quality blew me away.",
    "Refund still hasn't arrived after 30 days and nobody answers my emails.",
]

TICKETS = [
    "I was charged twice for my March subscription, please refund one of them.",
    "The export to CSV button does nothing when I click it in Firefox.",
    "How do I add a second user to our team account?",
    "Your latest update deleted all my saved filters.",
    "Can you send me an invoice with our VAT number on it?",
    "The mobile app crashes as soon as I open the camera screen.",
    "I'd like to cancel my plan at the end of this billing cycle.",
    "Is there a way to change the language of the dashboard to German?",
    "Password reset emails never arrive in my inbox.",
    "We need to upgrade from 10 to 25 seats before Friday.",
]

HEADLINES = [
    "Central bank holds rates steady as inflation cools for third month",
    "Local club clinches title with stoppage-time winner",
    "New battery chemistry promises faster charging for budget phones",
    "City council approves funding for three new bike lanes",
    "Streaming service raises prices in twelve markets",
    "Researchers map ocean currents using retired fishing buoys",
    "Tech giant faces antitrust probe over app store fees",
    "Heatwave prompts water restrictions across the region",
    "Indie film wins top prize at mountain festival",
    "Startup raises $40 million to build modular nuclear reactors",
]

ITEMS = [
    Group("sentiment-review", "easy", 0, [
        "Classify the sentiment of this review as positive, negative or neutral: \"{review}\"",
        "Is this customer review positive or negative?\n\n{review}",
        "Sentiment (positive/negative/mixed) for: {review}",
        "Label the tone of the following product review with one word.\nReview: {review}",
    ], {"review": REVIEWS}, 11),
    Group("ticket-routing", "easy", 0, [
        "Route this support ticket to one of: billing, bug, how-to, account. Ticket: \"{ticket}\"",
        "Which team should handle this message — Billing, Engineering or Customer Success?\n{ticket}",
        "Categorize the ticket below into a single category and reply with the category only.\n\n{ticket}",
    ], {"ticket": TICKETS}, 10),
    Group("news-topic", "easy", 0, [
        "What section of a newspaper does this headline belong in (politics, sports, business, science, culture)? \"{headline}\"",
        "Tag this headline with a topic: {headline}",
        "Topic classification. Headline: {headline}\nAnswer with one label.",
    ], {"headline": HEADLINES}, 10),
    Group("spam-check", "easy", 0, [
        "Is this message spam? Answer yes or no.\n\n\"{message}\"",
        "Spam or not spam: {message}",
    ], {"message": [
        "Congratulations!!! You've been selected for a $500 gift card, click here to claim within 24 hours",
        "Hi Sam, moving our 1:1 to Thursday at 3 — does that still work for you?",
        "URGENT: your account will be suspended, verify your password at the link below",
        "Reminder: the office kitchen will be cleaned out Friday afternoon.",
        "Earn $3,000 a week from home with this one weird trick, no experience needed",
        "Your parcel from the bookshop has been dispatched and should arrive Tuesday.",
        "Dear friend, I am a prince in need of help moving my inheritance",
        "Thanks for your order! Your receipt is attached.",
    ]}, 8),
    Group("intent-detection", "medium", 0, [
        "Detect the user's intent. Possible intents: {intents}. Utterance: \"{utterance}\"",
        "Given the intent list [{intents}], which one matches \"{utterance}\"? Return just the intent name.",
    ], {"intents": [
        "book_flight, cancel_booking, check_status, change_seat, other",
        "order_food, track_order, complain, ask_menu, other",
        "set_alarm, play_music, weather, timer, smalltalk",
    ], "utterance": [
        "can you push my alarm to 6:45 tomorrow",
        "where's my pad thai, it's been an hour",
        "I need to get to Lisbon on the 14th",
        "is it going to rain this afternoon",
        "swap me to an aisle seat please",
        "do you have anything vegan that isn't a salad",
        "put on something chill",
        "I never want to fly with you again, cancel it",
    ]}, 9),
    Group("toxicity-label", "medium", 0, [
        "Moderation check: label this comment as acceptable, rude, or abusive.\n\nComment: {comment}",
        "Would this forum reply break a 'be respectful' rule? Reply acceptable / rude / abusive.\n{comment}",
    ], {"comment": [
        "This is the dumbest take I've read all week, did you even read the article?",
        "I disagree — the data in the second chart suggests the opposite trend.",
        "People like you shouldn't be allowed to post here.",
        "Thanks, this fixed my issue after hours of trying!",
        "lol ok boomer",
        "Could you share the source for that number? I couldn't find it.",
        "Nobody asked for your opinion, go away.",
        "Nice write-up, though the intro could be shorter.",
    ]}, 8),
    Group("multilabel-policy", "hard", 1, [
        "You are a content-policy classifier. For the post below assign EVERY applicable label from this taxonomy: "
        "{taxonomy}. Rules: a label applies only if the post itself (not a quoted source) does it; sarcasm counts as the "
        "literal claim unless clearly marked; return JSON {{\"labels\": [...], \"evidence\": {{label: short quote}}, "
        "\"confidence\": 0-1}} and nothing else.\n\nPost: {post}",
        "Multi-label classification with a strict rubric. Taxonomy: {taxonomy}. A post can have zero or several labels. "
        "For each label you assign, justify it in at most 15 words and cite the exact span; if two labels conflict "
        "(e.g. satire vs misinformation) explain which wins and why. Output a markdown table.\n\n{post}",
    ], {"taxonomy": [
        "medical_misinformation, financial_advice, self_harm_reference, satire, personal_attack, none",
        "election_claim, unverified_statistic, hate_speech, harassment, spam_promotion, none",
        "dangerous_activity, regulated_goods, minor_safety, graphic_violence, none",
    ], "post": [
        "My cousin stopped his blood pressure meds and started drinking celery juice — his numbers are perfect now. Doctors don't want you to know.",
        "Breaking: 40% of ballots in my county were 'found' in a warehouse (source: trust me). Buy my newsletter to learn more.",
        "Oh sure, let's all jump off the quarry cliff again this summer, what could possibly go wrong 🙄",
        "If you're under 18 DM me for cheap vape cartridges, no ID needed.",
        "Yet another 'study' showing coffee cures cancer. Wake up people, and also invest in my coffee coin.",
        "People from that neighbourhood are all thieves, everyone knows it. Anyway, here's my bake sale flyer.",
    ]}, 9),
    Group("nuanced-triage", "hard", 1, [
        "Classify each of these {n} clinical intake notes into urgency levels (emergency, same-day, routine) and the "
        "most likely specialty. Several notes are ambiguous on purpose: for each, state which single detail decided the "
        "level and what extra information would change it. Notes:\n{notes}",
        "Triage the following notes (urgency: emergency / same-day / routine; specialty). Apply the rule that any chest "
        "symptom in patients over 50 is at least same-day, but explain any case where a different rule should override "
        "it. Return a JSON array ordered by urgency.\n{notes}",
    ], {"n": ["four", "five"], "notes": [
        "1) 62M, mild chest tightness on stairs for 2 weeks, resolves at rest. 2) 8F, rash after new detergent, no fever. "
        "3) 35F, sudden worst headache of her life an hour ago. 4) 71F, ankle swelling both legs, short of breath lying flat. "
        "5) 45M, lower back pain after lifting, no numbness.",
        "1) 55F, heartburn after meals, one episode of sweating and nausea yesterday. 2) 19M, sprained wrist, can move fingers. "
        "3) 80M, new confusion since this morning per daughter. 4) 28F, 9 weeks pregnant, spotting, no pain. "
        "5) 40M, cough for 3 weeks, non-smoker.",
        "1) 67M, left arm ache while gardening, gone now. 2) 3M, ear pulling and fever 38.4. 3) 50F, routine refill request, "
        "BP readings at home 150/95. 4) 33M, cut on palm, bleeding stopped, tetanus status unknown.",
    ]}, 5),
    Hand("short-labels", "easy", 0, [
        "Is 'The meeting was moved to Tuesday' a question, statement or command?",
        "Positive or negative: 'Best pizza in town, hands down.'",
        "What language is this sentence written in? 'Je voudrais un café, s'il vous plaît.'",
        "Label this email subject as work or personal: 'Grandma's 90th — who's bringing dessert?'",
        "Is this sentence formal or informal? 'Hey, u coming tonight or what'",
        "Classify the animal: a dolphin — mammal, fish, reptile or bird?",
        "Which of these is a fruit and which is a vegetable: tomato, carrot, apple, spinach?",
        "Is the following review about a restaurant, a hotel, or a product? 'Checked in late but the night manager upgraded our room.'",
        "Does this tweet express anger, joy, sadness or fear? 'Finally got the keys to our first flat!!!'",
        "Sort these expenses into travel, meals or office supplies: taxi to airport, printer toner, team lunch, hotel night.",
        "Label the urgency of 'server room temperature is 41°C and rising' as low, medium or high.",
        "Is this a complaint or a compliment? 'You guys really went above and beyond on the delivery.'",
        "Tell me whether this job title is engineering, sales or design: 'Senior Account Executive'.",
        "Mark each sentence as fact or opinion: 'Paris is the capital of France.' 'Paris is the most beautiful city.'",
    ]),
    Hand("medium-labels", "medium", 0, [
        "Here are 6 commit messages. Label each as feat, fix, docs, refactor or chore:\n1. add retry to upload client\n"
        "2. typo in README\n3. bump lodash to 4.17.21\n4. split OrderService into two classes\n5. handle null customer in invoice\n6. update CI cache key",
        "I run a bookshop. Put these customer questions into FAQ buckets (shipping, returns, stock, events): 'Do you ship to "
        "Ireland?', 'Is the signing on Saturday ticketed?', 'Can I swap a gift I got?', 'When will the new Murakami be in?'",
        "Classify these three survey answers by which product area they complain about (pricing, UX, performance, support):\n"
        "- 'It takes forever to load the reports page'\n- 'Your annual plan is way too expensive for a small team'\n- 'I can never find the settings menu'",
        "For each of these bank transactions choose a budgeting category: 'TESCO STORES 2231', 'SHELL 0443', 'NETFLIX.COM', "
        "'CITY PARKING LTD', 'PHARMACY PLUS'.",
        "Decide whether each of these user stories is a functional or a non-functional requirement: (a) users can export "
        "invoices as PDF, (b) pages load in under two seconds, (c) admins can deactivate accounts, (d) data is encrypted at rest.",
        "Is this paragraph written for experts or for a general audience? Give the label and one sentence why. 'Mitochondria "
        "are tiny parts inside our cells that turn food into the energy our bodies use every day.'",
        "Label the register of each line (legal, marketing, casual): 'The Licensee shall indemnify the Licensor', "
        "'Unlock your best summer yet!', 'brb grabbing coffee'.",
        "Classify the following log lines by severity (info, warning, error): 'Cache warmed in 120ms', 'Disk usage at 91%', "
        "'NullReferenceException in PaymentController', 'User 42 logged in'.",
    ]),
    Hand("hard-labels", "hard", 1, [
        "I have 12 customer interviews summarised below as one line each. Build a label set yourself (at most 5 labels, "
        "mutually exclusive), define each label in one sentence, then assign every interview to exactly one label and flag "
        "the two assignments you are least sure about with the reason.\n1. wants SSO\n2. pricing unclear for nonprofits\n"
        "3. mobile app slow on Android 10\n4. needs audit logs for SOC2\n5. onboarding emails too many\n6. wants SAML\n"
        "7. confused by seat-based billing\n8. export times out\n9. asks for data residency in EU\n10. tutorial videos outdated\n"
        "11. API rate limits too low\n12. wants role-based permissions",
        "Classify the stance of each of these four paragraphs toward remote work (for, against, neutral, mixed) — but note "
        "that two of them are quoting someone they disagree with. Separate the author's stance from the quoted stance and "
        "explain how you told them apart.\nA) 'My manager insists offices build culture; the attrition numbers since the "
        "return-to-office mandate say otherwise.'\nB) 'Remote work is here to stay, claims one CEO. I'm not convinced the "
        "productivity data supports him.'\nC) 'Hybrid has trade-offs and our team hasn't decided.'\nD) 'Nothing beats a "
        "whiteboard and a room full of people.'",
        "Here is a contract clause. Classify it under the categories limitation_of_liability, indemnity, termination, "
        "confidentiality, or governing_law — it may hit more than one. For each category, quote the triggering words and "
        "say whether the clause favours the supplier or the customer, with a one-line justification.\n\n'Either party may "
        "terminate on 30 days' notice; upon termination the Supplier's aggregate liability shall not exceed fees paid in the "
        "preceding three months, save for breaches of Clause 9 (Confidential Information), for which liability is uncapped.'",
        "Classify the sarcasm in these five product reviews on a 0-3 scale (0 sincere, 3 heavy sarcasm) and, for any review "
        "scored 2 or more, give the sincere meaning in plain words. Be careful: one sincere review uses exclamation marks "
        "heavily and one sarcastic review is written flatly.\n1. 'Wow, a phone charger that charges. Revolutionary.'\n"
        "2. 'Love it!!! Works great!!! Bought two more!!!'\n3. 'Sure, waiting 40 minutes on hold is exactly how I wanted "
        "to spend my lunch.'\n4. 'The lid fits. The kettle boils. Five stars, I suppose.'\n5. 'Comfortable chair, my back "
        "pain is gone.'",
    ]),
]
