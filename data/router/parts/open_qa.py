"""Open QA: answer a question from general knowledge."""
from .common import Group, Hand

TASK = "open_qa"

ITEMS = [
    Group("what-is", "easy", 0, [
        "What is {thing}?",
        "Can you explain what {thing} is in simple terms?",
        "Quick question: what's {thing}?",
        "In a sentence or two, what does {thing} mean?",
    ], {"thing": [
        "a mortgage offset account", "photosynthesis", "a VPN", "inflation", "a haiku", "the Rosetta Stone",
        "a sourdough starter", "compound interest", "an API", "a black hole", "the Magna Carta", "a heat pump",
        "carbon offsetting", "a cold front", "an index fund", "the placebo effect",
    ]}, 14),
    Group("why-how", "easy", 0, [
        "Why {fact}?",
        "How come {fact}?",
    ], {"fact": [
        "is the sky blue", "do cats purr", "do we have leap years", "does bread go stale", "do onions make you cry",
        "do planes leave white trails", "is the ocean salty", "do leaves change colour in autumn",
        "does ice float on water", "do we get hiccups",
    ]}, 10),
    Group("who-when-where", "easy", 0, [
        "{question}",
    ], {"question": [
        "Who painted the ceiling of the Sistine Chapel?", "When did the Berlin Wall come down?",
        "Where is the Atacama Desert?", "Who invented the telephone?", "Which planet has the most moons?",
        "What is the longest river in Africa?", "What currency does Switzerland use?",
        "How many bones are in the adult human body?", "Who wrote 'Pride and Prejudice'?",
        "What's the capital of Canada?", "How far is the Moon from Earth?", "What language is spoken in Brazil?",
        "When was the first iPhone released?", "Which element has the chemical symbol Fe?",
    ]}, 12),
    Group("practical", "medium", 0, [
        "{question}",
    ], {"question": [
        "How do I get red wine out of a wool carpet?",
        "What's the difference between a Roth IRA and a traditional IRA?",
        "How often should I water a fiddle-leaf fig?",
        "Is it safe to reheat rice, and what's the risk?",
        "What should I check before buying a used bicycle?",
        "How does a credit score get calculated, roughly?",
        "What's the best way to store fresh herbs so they last?",
        "How do noise-cancelling headphones actually work?",
        "What's the difference between baking soda and baking powder?",
        "How do I know if my tyres need replacing?",
    ]}, 10),
    Group("expert-deep", "hard", 1, [
        "{question}",
    ], {"question": [
        "Explain why the CAP theorem forces a trade-off in partitioned distributed databases, and how systems like "
        "Spanner claim to get around it in practice — where exactly does the claim hold and where does it not?",
        "What are the main mechanisms by which GLP-1 receptor agonists cause weight loss, what is still uncertain about "
        "their long-term effects, and how strong is the evidence for each point?",
        "Compare how the EU's GDPR and California's CCPA treat 'legitimate interest' versus opt-out rights for "
        "behavioural advertising, including where a company could comply with one and still breach the other.",
        "Why did the 2008 financial crisis spread from US subprime mortgages to European banks? Trace the specific "
        "channels (instruments, funding markets, accounting) and say which mattered most.",
        "How do modern CPUs use speculative execution and branch prediction, and why did that open the door to Spectre-"
        "class attacks? Explain the mitigations and their performance cost.",
        "What does the current evidence say about whether intermittent fasting beats ordinary calorie restriction for "
        "weight loss and metabolic health? Distinguish RCT results from observational claims.",
        "Explain the difference between Bayesian and frequentist confidence about a result, using a concrete A/B test "
        "example, and say when each interpretation would mislead a product manager.",
        "Why is nuclear fusion so hard to make net-energy-positive? Cover confinement, materials and tritium supply, and "
        "say which of these is the real bottleneck for commercial plants.",
        "How did the Treaty of Westphalia shape the modern idea of state sovereignty, and why do some historians argue "
        "that the 'Westphalian system' is a later myth?",
        "Explain how transformer attention scales with sequence length, and compare the main approaches to long context "
        "(sparse attention, linear attention, state-space models, retrieval) with their trade-offs.",
    ]}, 10),
    Hand("quick-facts", "easy", 0, [
        "How many teaspoons are in a tablespoon?",
        "What does DNA stand for?",
        "Is a tomato a fruit?",
        "What's the boiling point of water in Fahrenheit?",
        "Who was the first person to walk on the Moon?",
        "What does 'RSVP' mean on an invitation?",
        "How long do elephants usually live?",
        "What is the tallest mountain in Europe?",
        "Which ocean is the largest?",
        "What year did World War II end?",
        "How many players are on a rugby union team?",
        "What is the main ingredient in guacamole?",
        "What does a notary public do?",
        "Why do we have time zones?",
    ]),
    Hand("medium-explain", "medium", 0, [
        "What's the difference between a virus and a bacterium, and why don't antibiotics work on viruses?",
        "Explain how a bill becomes a law in the UK Parliament.",
        "What are the pros and cons of electric cars compared with petrol cars for someone who drives 50 km a day?",
        "How does a dishwasher get dishes clean without scrubbing?",
        "Why do some countries drive on the left and others on the right?",
        "What's the difference between weather and climate?",
        "How does two-factor authentication make an account safer?",
        "Why does my phone battery drain faster in the cold?",
        "What causes the northern lights and where can you see them?",
        "What is the difference between an LLC and a sole proprietorship in the US?",
    ]),
    Hand("hard-explain", "hard", 1, [
        "Is it true that humans only use 10% of their brains? Explain where the myth came from and what neuroimaging "
        "actually shows, with the caveats of those methods.",
        "Why do interest rate rises by central banks reduce inflation, and through which channels does it take 12-24 "
        "months? Include why the effect might be weaker when most mortgages are fixed-rate.",
        "What are the strongest arguments for and against the idea that the Roman Empire 'fell' in 476, and how do "
        "historians of late antiquity frame the transformation instead?",
        "Explain, with the actual physics, why a spinning bicycle wheel resists tipping over, and correct the common "
        "misconception that gyroscopic effects alone keep a moving bicycle upright.",
        "How reliable are eyewitness identifications, what factors make them worse, and what procedural changes in police "
        "line-ups have research shown to help?",
        "Explain the tradeoffs between Raft and Paxos for consensus, why Raft is considered easier to implement, and what "
        "failure scenarios still trip people up in production implementations.",
    ]),
]

ITEMS += [
    Hand("more-hard-explain", "hard", 1, [
        "Why do some economists argue that minimum wage increases don't reduce employment much, while others predict job "
        "losses? Explain monopsony, the key empirical studies, and what determines which effect dominates.",
        "Explain how mRNA vaccines are designed and manufactured, why the lipid nanoparticle matters, and what the real "
        "trade-offs are versus protein-subunit vaccines for future pandemics.",
        "What are the competing explanations for the Bronze Age collapse around 1200 BCE, and what kinds of evidence "
        "support or undermine each?",
        "How does the Linux kernel's CFS scheduler decide which task runs next, how does EEVDF change that, and what "
        "workloads behave differently under each?",
    ]),
    Hand("more-quick-facts", "easy", 0, [
        "What's the capital of Australia?",
        "How many hours behind London is New York?",
        "What colour do you get mixing blue and yellow?",
        "Who composed the Four Seasons?",
        "What's the freezing point of water in Celsius?",
        "How many continents are there?",
    ]),
]
