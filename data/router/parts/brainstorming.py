"""Brainstorming: generate ideas or options."""
from .common import Group, Hand

TASK = "brainstorming"

ITEMS = [
    Group("names", "easy", 0, [
        "Brainstorm {n} names for {thing}.",
        "Give me {n} name ideas for {thing}.",
        "Suggest some catchy names for {thing} — about {n}.",
    ], {"n": ["5", "10", "a dozen", "8"], "thing": [
        "a coffee shop near a university", "a podcast about personal finance", "a golden retriever puppy",
        "a family board game night", "a bakery that only sells sourdough", "a cycling club", "a budgeting app",
        "a community garden", "a cat café", "a newsletter about local history", "a craft brewery",
        "a kids' coding camp",
    ]}, 12),
    Group("ideas-for", "easy", 0, [
        "What are some ideas for {occasion}?",
        "I need ideas for {occasion}. Throw a bunch at me.",
        "Brainstorm {occasion} ideas.",
    ], {"occasion": [
        "a 30th birthday party on a budget", "a rainy Sunday with two kids", "a team-building afternoon",
        "a first date in winter", "a school fundraiser", "a gift for a coworker who's leaving",
        "decorating a small balcony", "a themed dinner party", "a weekend project with an old bike",
        "a neighbourhood street party", "using up leftover rice", "an anniversary surprise",
    ]}, 12),
    Group("content-topics", "medium", 0, [
        "Come up with {n} {format} topics for {audience}.",
        "Brainstorm {format} ideas aimed at {audience}; give {n}.",
    ], {"n": ["10", "15", "7"], "format": ["blog post", "YouTube video", "newsletter", "workshop", "LinkedIn post"],
        "audience": [
            "first-time home buyers", "small restaurant owners", "junior software developers", "retired people learning tech",
            "parents of teenagers", "freelance designers", "amateur gardeners", "nurses on night shifts",
        ]}, 10),
    Group("problem-options", "medium", 0, [
        "Brainstorm ways to {problem}.",
        "What are different approaches I could try to {problem}?",
    ], {"problem": [
        "reduce food waste in our office kitchen", "get more people to come to our book club",
        "make our onboarding less overwhelming", "cut my monthly grocery bill", "keep the team motivated during a long project",
        "make a small flat feel bigger", "get customers to leave more reviews", "reduce no-shows at our clinic",
        "encourage kids to read more", "make weekly meetings shorter",
    ]}, 10),
    Group("constrained-strategy", "hard", 1, [
        "Generate {n} distinct go-to-market ideas for {product}. Constraints: budget under {budget}, no paid ads, must be "
        "testable within 4 weeks, and each idea must target a different customer segment. For every idea give the "
        "hypothesis, the cheapest experiment, the success metric with a numeric threshold, and the main risk. Then rank "
        "them by expected value and justify the ranking.",
        "I need {n} ideas to launch {product} with under {budget}. Don't give generic advice: each idea must name a "
        "specific channel, a specific first 100 users, and a kill criterion. Afterwards, score every idea 1-5 on cost, "
        "speed and learning value in a table and recommend a sequence of three.",
    ], {"n": ["6", "8"], "product": [
        "a B2B invoice-reconciliation tool for accountants", "a subscription service for refurbished baby gear",
        "an app that matches dog owners for walks", "a compliance checklist SaaS for small clinics",
        "a language-exchange platform for retirees",
    ], "budget": ["€5,000", "$10k", "£3,000"]}, 8),
    Group("research-directions", "hard", 1, [
        "Brainstorm research directions for {topic}. For each, state the open question precisely, why existing work does "
        "not answer it, a feasible first experiment with the data it needs, and what result would falsify the idea. Give "
        "at least 6 and say which two you would fund first and why.",
    ], {"topic": [
        "reducing hallucinations in small language models used for customer support",
        "predicting hospital readmissions from discharge notes",
        "making urban heat maps useful for city planners",
        "detecting fraud in peer-to-peer payment apps without labelled data",
        "improving battery life estimates on electric scooters",
    ]}, 5),
    Hand("quick-ideas", "easy", 0, [
        "Give me ideas for what to cook tonight with chicken, spinach and rice.",
        "List some fun things to do in a city when it's raining.",
        "What could I name my new houseplant?",
        "Ideas for a Halloween costume I can make in an hour?",
        "Suggest 5 icebreaker questions for a team meeting.",
        "What are some hobbies I could pick up this winter?",
        "Brainstorm slogans for a lemonade stand.",
        "Ideas for a quick 10-minute workout at home?",
        "Suggest some gift ideas for my dad who likes fishing.",
        "What should I put in a care package for a student?",
        "Give me a few ideas for a short weekend trip from Madrid.",
        "List ways to say thank you to volunteers.",
    ]),
    Hand("medium-ideas", "medium", 0, [
        "Our small museum wants more teenage visitors. Brainstorm ideas that don't cost much and fit a local history theme.",
        "I'm writing a fantasy novel. Brainstorm unusual magic systems that have clear costs or limits.",
        "Brainstorm features for a habit-tracking app that would help people who always give up after a week.",
        "We're a 6-person remote team. Brainstorm rituals that build connection without more meetings.",
        "Brainstorm ways a public library could support people looking for jobs.",
        "Give me ideas for a science fair project for a 12-year-old that uses household items.",
        "Brainstorm angles for a press release about our café switching to fully compostable packaging.",
        "Our charity's annual gala is getting stale. Brainstorm fresh formats that still raise money.",
    ]),
    Hand("hard-ideas", "hard", 1, [
        "Brainstorm ways to cut our cloud bill by 30% without touching latency SLOs. We run ~200 services on Kubernetes, "
        "Postgres and Kafka, traffic is 5x higher on weekdays. For each idea estimate the saving range, the engineering "
        "effort in weeks, what could go wrong, and how we'd measure it. Order them so quick wins come first but don't "
        "block the big structural changes.",
        "Generate policy options a mid-sized city could use to reduce car traffic in the centre by 25% in five years, "
        "covering pricing, infrastructure, and regulation. For each: expected impact with reasoning, who loses out, the "
        "political risk, and an example of a city that tried something similar and what happened. End with a phased "
        "package that is politically survivable.",
        "Brainstorm 10 product experiments for our meal-kit service to reduce churn in month 2, which is 38%. Each "
        "experiment needs a causal hypothesis grounded in why people churn, a design that avoids novelty effects, a sample "
        "size estimate assuming a 2-point improvement, and a guardrail metric.",
    ]),
]
