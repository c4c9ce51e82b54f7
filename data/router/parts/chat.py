"""Chat: conversation with no more specific task."""
from .common import Group, Hand

TASK = "chat"

ITEMS = [
    Group("greetings", "easy", 0, [
        "{greeting}",
        "{greeting} {followup}",
    ], {"greeting": [
        "Hi!", "Hello there", "Good morning!", "Hey, how's it going?", "Yo", "Hiya, anyone there?", "Evening!",
        "Hey hey", "Hello again", "Howdy!",
    ], "followup": [
        "Hope your day is going well.", "Just wanted to say hi.", "Long day here.", "It's finally Friday!",
        "I'm bored, let's talk.", "Back for more chatting.",
    ]}, 12),
    Group("small-talk", "easy", 0, [
        "{line}",
    ], {"line": [
        "I just got back from a run and I'm exhausted lol",
        "My cat has been staring at the wall for ten minutes, should I be worried?",
        "Do you ever get tired of answering questions?",
        "Guess what, I passed my driving test today!",
        "It's raining again. Third weekend in a row.",
        "What's your favourite season? Mine is autumn.",
        "I'm procrastinating on my homework by talking to you.",
        "Tell me something that will cheer me up.",
        "Can't sleep. Want to chat for a bit?",
        "I made pancakes this morning and they were actually round for once.",
        "Honestly I just need someone to talk to for a minute.",
        "Do you like music? I've had the same song stuck in my head all day.",
        "Coffee or tea? Settle this debate for me and my roommate.",
        "Just finished a 500-page book and I feel empty now.",
    ]}, 14),
    Group("thanks-bye", "easy", 0, [
        "{line}",
    ], {"line": [
        "Thanks, that helped a lot!", "Cool, thanks.", "Perfect, that's all I needed.", "Ok bye for now!",
        "You're a lifesaver, thank you", "Great, talk later.", "Thanks anyway, I'll figure it out.",
        "Appreciate it! Have a good one.", "Night!", "Haha thanks, you made my day.",
    ]}, 10),
    Group("feelings", "medium", 0, [
        "{line}",
    ], {"line": [
        "I'm a bit nervous about my job interview tomorrow. Any words of encouragement?",
        "I feel like I'm not making any friends at my new school.",
        "My best friend is moving abroad next month and I'm kind of sad about it.",
        "Work has been really stressful lately and I don't know how to switch off in the evenings.",
        "I finally told my parents I'm changing my major. They took it better than I expected!",
        "I've been feeling lonely since I started working from home full time.",
        "I messed up a presentation today and I keep replaying it in my head.",
        "My dog is getting old and slowing down, it's hard to watch.",
    ]}, 8),
    Group("roleplay-light", "medium", 0, [
        "Let's pretend you're {persona}. {opener}",
    ], {"persona": [
        "a barista at a busy café", "a friendly tour guide in Rome", "my gym buddy", "a librarian",
        "a shopkeeper in a fantasy village", "a ship's captain",
    ], "opener": [
        "I'll start: 'Morning! What do you recommend today?'",
        "Say hello and ask me what I'd like.",
        "Keep it light and funny.",
        "Just chat with me in character for a few lines.",
    ]}, 8),
    Hand("casual-hand", "easy", 0, [
        "hi :)",
        "what's up",
        "are you a robot?",
        "lol that's funny",
        "good night, talk tomorrow",
        "ok",
        "You there?",
        "I'm back! Did you miss me?",
        "Tell me a joke.",
        "What are you up to?",
        "Happy new year!",
        "I'm so hungry right now",
        "how old are you",
        "say something nice",
        "morning! slept terribly",
        "you're funny",
        "brb",
    ]),
    Hand("conversation-hand", "medium", 0, [
        "We were talking earlier about my garden — the tomatoes finally turned red! Thanks for the tip about watering.",
        "I'm planning to binge a series this weekend. Just venting that I can't decide, no need for a list.",
        "My toddler said his first full sentence today: 'Dog go outside.' I'm so proud.",
        "Remember when I said I'd start running? Day 3 and my legs hate me.",
        "Ugh, Mondays. Tell me your Monday is going better than mine.",
        "I just want to vent for a sec: the bus was late, my coffee spilled, and it's only 9am.",
        "Let's just chat about anything, I'm waiting for my train.",
        "I adopted a rescue cat today! Her name is Pickle.",
    ]),
    Hand("hard-chat", "hard", 1, [
        "Can we keep a long-running conversation where you act as my Socratic tutor for the proof I'm working on about "
        "graph colourings? Don't give me answers — only ask questions that expose the gap in my reasoning. Here's my "
        "first claim: every planar graph without triangles is 3-colourable, because each vertex has degree at most 3.",
        "I'd like you to play a tough negotiation counterpart: you're the procurement lead of a hospital, I'm selling "
        "imaging software at $240k/year. Stay in character, push back realistically on price, liability and integration "
        "timelines, don't concede anything without getting something in return, and after 6 exchanges step out and grade "
        "my negotiation.",
        "Let's do a mock technical interview: you're a senior engineer interviewing me for a distributed-systems role. "
        "Ask me one design question at a time, probe my answers for weaknesses the way a real interviewer would, and keep "
        "a running score you reveal only at the end.",
    ]),
]

ITEMS += [
    Hand("more-casual", "easy", 0, [
        "Good afternoon! How are you today?",
        "I'm back from holiday, missed chatting!",
        "That's hilarious, tell me another one",
        "Do you have a name?",
        "Just saying hi before work.",
        "I'm eating pizza and watching the rain.",
    ]),
]
