"""Rewrite: rephrase, restyle, correct or translate supplied text."""
from .common import Group, Hand

TASK = "rewrite"

SENTENCES = [
    "hey can u send me the report asap, its kinda urgent thx",
    "We regret to inform you that your application was not successful at this time.",
    "The meeting is cancelled because not enough people can come.",
    "pls fix the bug its broken again and customers are mad",
    "I think maybe we should possibly consider looking into the option of reducing costs.",
    "Your package will arrive late due to the weather conditions in the area.",
    "The new feature lets users export data which was asked for by many users.",
    "we was planning to go but then it rained so we didnt",
    "Due to unforeseen circumstances the event has been postponed until further notice.",
    "Thank you for your patience while we look into this issue.",
    "Please be advised that the parking lot will be closed for resurfacing on Saturday.",
    "The results was better then we expected and the team done great.",
]

ITEMS = [
    Group("tone-shift", "easy", 0, [
        "Make this more {tone}: \"{sentence}\"",
        "Rewrite the following sentence in a {tone} tone.\n{sentence}",
        "Can you rephrase this so it sounds {tone}? {sentence}",
    ], {"tone": ["formal", "friendly", "polite", "concise", "professional", "casual", "confident"],
        "sentence": SENTENCES}, 12),
    Group("grammar-fix", "easy", 0, [
        "Fix the grammar and spelling: {sentence}",
        "Proofread this and correct any mistakes: \"{sentence}\"",
    ], {"sentence": [
        "Their going to announce the winner's tomorow at noon.",
        "Me and him has been working on this project since two year.",
        "Its important to check you're email every day, espeically on mondays.",
        "The datas shows that less people are using the app then last year.",
        "I could of finished earlier if the printer wasnt broke.",
        "Each of the students have submitted their assignment on time.",
        "We recieved alot of positive feedbacks from are customers.",
        "Between you and I, the new policy dont make sense.",
        "She don't know nothing about the changes to the schedule.",
    ]}, 9),
    Group("translate", "easy", 0, [
        "Translate into {language}: \"{phrase}\"",
        "How do you say \"{phrase}\" in {language}?",
        "Please translate this sentence to {language}.\n{phrase}",
    ], {"language": ["French", "Spanish", "German", "Italian", "Portuguese", "Dutch", "Japanese", "Polish"],
        "phrase": [
            "Where is the nearest train station?",
            "The meeting has been moved to Thursday afternoon.",
            "Could you please send me the invoice again?",
            "We are closed on public holidays.",
            "Thank you for your help yesterday.",
            "The package was delivered to the wrong address.",
            "I'd like to book a table for two at eight.",
            "Please keep your ticket until the end of the journey.",
            "The library opens at nine on weekdays.",
            "My flight was delayed by three hours.",
        ]}, 12),
    Group("shorten", "medium", 0, [
        "Shorten this paragraph to under {words} words without losing the key facts:\n\n{para}",
        "Make this tighter — aim for about {words} words.\n{para}",
    ], {"words": ["30", "40", "50"], "para": [
        "We wanted to take a moment to let you know that, after a great deal of consideration and many discussions within "
        "the team, we have decided that starting next month we will be moving our weekly newsletter from Tuesdays to "
        "Thursdays, because we think it will give us more time to include the latest news from the week.",
        "In the event that you experience any difficulties logging into your account, it is recommended that you first "
        "attempt to reset your password using the link provided on the login page, and if that does not resolve the issue, "
        "you should then contact our support team, who will be happy to assist you further.",
        "The purpose of this document is to provide an overview of the steps that need to be taken by new employees during "
        "their first week, including setting up their laptop, meeting their team, completing the mandatory training modules "
        "and reviewing the company handbook.",
        "I am writing to you today in order to follow up on the email that I sent to you last week regarding the possibility "
        "of scheduling a short call at some point in the near future to discuss the proposal that we shared with you.",
    ]}, 8),
    Group("style-transfer", "medium", 0, [
        "Rewrite this {kind} as {style}:\n\n{text}",
    ], {"kind": ["announcement", "note"], "style": [
        "a pirate would say it", "a Shakespearean sonnet-style line", "a news headline", "a children's book sentence",
        "a corporate press release sentence", "plain English for a non-expert",
    ], "text": [
        "The cafeteria will serve free breakfast to all staff on Friday to celebrate the product launch.",
        "Server maintenance is scheduled for Sunday from 2am to 4am; the website will be unavailable.",
        "Our cat knocked a plant off the shelf and now refuses to apologise.",
        "The quarterly all-hands moves online because the auditorium is being repainted.",
    ]}, 8),
    Group("plain-language-legal", "hard", 1, [
        "Rewrite this clause in plain English for a consumer, keeping EVERY obligation, condition and exception (nothing "
        "may be lost or added), in no more than {words} words, and then list each obligation from the original next to "
        "where it appears in your version so I can verify nothing is missing.\n\n{clause}",
    ], {"words": ["70", "90"], "clause": [
        "Notwithstanding anything to the contrary herein, the Customer shall, within fourteen (14) days of receipt of a "
        "valid invoice, remit payment in full, save where the Customer has, prior to the due date, notified the Supplier in "
        "writing of a bona fide dispute, in which case only the undisputed portion shall be payable pending resolution.",
        "The Tenant shall not, without the prior written consent of the Landlord (such consent not to be unreasonably "
        "withheld), assign, sublet or part with possession of the whole or any part of the Premises, provided that no such "
        "consent shall be required for a sharing of occupation with a group company.",
        "Subscriptions renew automatically for successive periods equal to the initial term unless either party gives "
        "notice of non-renewal at least thirty (30) days before the end of the then-current term; fees for renewal terms "
        "may increase by no more than the CPI change over the preceding twelve months.",
        "The Provider's liability for indirect or consequential loss is excluded, except that nothing in this Agreement "
        "limits liability for death or personal injury caused by negligence, for fraud, or for any liability that cannot be "
        "limited by law.",
    ]}, 6),
    Group("constrained-rewrite", "hard", 1, [
        "Rewrite the paragraph below so that: every sentence starts with a different letter, no sentence exceeds 12 words, "
        "the word '{banned}' never appears, all numbers are written as digits, and the meaning is fully preserved. Return "
        "only the rewritten text.\n\n{para}",
        "Rewrite this as a {n}-sentence paragraph where the first letters of the sentences spell '{acrostic}', keep the "
        "factual content identical and keep a neutral tone.\n\n{para}",
    ], {"banned": ["the", "and", "we"], "n": ["4", "5"], "acrostic": ["SAFE", "READY", "PLAN"], "para": [
        "We have decided to delay the rollout by two weeks. The test team found three bugs in the payment flow, and one of "
        "them could charge customers twice. We will fix them first, run the full regression suite again, and then release "
        "to ten percent of users.",
        "The new warehouse opens in March and will employ about sixty people. It is close to the motorway, which will cut "
        "delivery times to the north by a day. Training for new staff starts in February.",
        "Attendance at the evening classes fell by a third this term. Most people who left said the start time of six "
        "o'clock was too early. We will move classes to seven and offer two online sessions each week.",
    ]}, 6),
    Hand("everyday-rewrites", "easy", 0, [
        "Reword this text message so it doesn't sound rude: 'Why didn't you answer my call?'",
        "Paraphrase: 'The early bird catches the worm.'",
        "Turn this into a polite email opener: 'I need the numbers by Monday.'",
        "Rewrite 'Don't forget to lock the door' as a friendly reminder sign.",
        "Make this product title more catchy: 'Stainless steel water bottle 750 ml'",
        "Change this sentence to passive voice: 'The committee approved the new budget.'",
        "Convert to active voice: 'The window was broken by the storm.'",
        "Make this LinkedIn headline sound less boring: 'Accountant at a mid-size firm'",
        "Rephrase 'I'm not able to attend' in three different ways.",
        "Please rewrite this for a 7-year-old: 'Precipitation is expected throughout the afternoon.'",
        "Say this more kindly: 'Your essay is too long and hard to follow.'",
        "Translate 'good luck with your exam' into Italian.",
        "Rewrite this tweet to be under 100 characters: 'So excited to announce that our little bakery has finally opened its doors on Main Street today, come say hi!'",
        "Swap the British spellings in this sentence to American: 'The colour of the theatre's programme was grey.'",
    ]),
    Hand("medium-rewrites", "medium", 0, [
        "Rewrite this cover letter paragraph to sound more confident and specific, without exaggerating: 'I think I could "
        "maybe be a good fit for this role because I have done some work with data and I like learning new things.'",
        "Turn these bullet notes into a flowing paragraph for a project update:\n- migration done\n- 2 days late\n- no data "
        "loss\n- next: performance tuning",
        "Rewrite this error message so a non-technical user understands what to do: 'ERR_CONN_REFUSED: upstream 10.0.3.4:443 unreachable'",
        "Localize this marketing line for a UK audience (spelling and idiom): 'Score a great deal on fall sweaters at our "
        "store this Labor Day weekend!'",
        "Rewrite the following paragraph from first person to third person, about 'Dr. Osei': 'I started my career as a "
        "nurse. I later trained as a doctor and I now run a rural clinic.'",
        "Make this apology email warmer but keep it short: 'We apologise for the delay. Your order will ship tomorrow.'",
        "Convert this recipe step into clear numbered instructions: 'Boil pasta, meanwhile fry garlic in oil, add tomatoes "
        "and simmer, drain pasta and toss with sauce, add basil.'",
        "Translate this short customer email into Spanish, keeping it formal: 'Dear Ms. Ruiz, thank you for your order. "
        "Unfortunately the blue model is out of stock; we can offer the grey one at the same price.'",
    ]),
    Hand("hard-rewrites", "hard", 1, [
        "Translate the following product safety notice into German and French. Both translations must keep the legal "
        "register, use the formal address (Sie/vous), keep all measurements and model numbers unchanged, and fit within "
        "110% of the English character count. After each translation, list any term you were unsure about and the "
        "alternative.\n\n'WARNING: Do not operate the HX-200 heater within 1 m of curtains or furniture. Unplug when not "
        "in use. Not suitable for bathrooms. Keep children under 3 years away unless continuously supervised.'",
        "Rewrite this 150-word technical paragraph three times: for a board member (no jargon, focus on risk and cost), for "
        "a junior developer (explain each term), and for a security auditor (precise, cite which control each step "
        "satisfies). Keep all three factually identical.\n\n'We rotate the database credentials every 30 days using the "
        "secrets manager; services fetch them at start-up via an IAM role, so no credentials live in code or config files. "
        "Old credentials are revoked 24 hours after rotation to allow in-flight connections to drain. Access is logged and "
        "alerts fire on any read from an unexpected role.'",
        "Rewrite this poem's meaning into prose and then back into a new poem that keeps the same rhyme scheme (ABAB), the "
        "same number of syllables per line (8), and the same four images, but in modern everyday language:\n\n'The morning "
        "mist upon the lea / Doth veil the shepherd and his flock, / The lark ascends in melody, / The village wakes by "
        "bell and clock.'",
    ]),
]
