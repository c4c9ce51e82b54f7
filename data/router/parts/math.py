"""Math: solve or compute mathematical problems."""
from .common import Group, Hand

TASK = "math"

ITEMS = [
    Group("arithmetic", "easy", 0, [
        "What is {a} {op} {b}?",
        "Calculate {a} {op} {b}.",
        "{a} {op} {b} = ?",
    ], {"a": ["17", "245", "3.5", "1,200", "96", "48", "12.75"], "op": ["+", "-", "×", "÷", "*"],
        "b": ["23", "12", "0.25", "16", "8", "150", "4"]}, 12),
    Group("percent", "easy", 0, [
        "What is {p}% of {x}?",
        "If something costs {x} and is {p}% off, what's the new price?",
        "Increase {x} by {p}%.",
    ], {"p": ["15", "20", "7.5", "12", "35", "3"], "x": ["80", "250", "1,499", "64", "12,000", "39.90"]}, 10),
    Group("unit-conversion", "easy", 0, [
        "Convert {amount} to {unit}.",
        "How many {unit} is {amount}?",
    ], {"amount": ["5 miles", "180 cm", "3.2 kg", "72°F", "2.5 litres", "90 minutes", "1 acre", "500 ml"],
        "unit": ["kilometres", "feet and inches", "pounds", "Celsius", "cups", "hours", "square metres", "fluid ounces"]}, 8),
    Group("algebra", "medium", 0, [
        "Solve for x: {eq}",
        "Find x if {eq}. Show the steps.",
    ], {"eq": [
        "3x + 7 = 22", "5(x - 2) = 3x + 4", "x/4 + 2 = 9", "2x^2 - 8 = 0", "x^2 - 5x + 6 = 0", "7 - 2x = 3x - 8",
        "0.5x + 1.5 = 4", "4x - 3 = 2(x + 5)",
    ]}, 8),
    Group("applied-medium", "medium", 0, [
        "{problem}",
    ], {"problem": [
        "A savings account pays 4% interest compounded yearly. How much is €2,000 worth after 3 years?",
        "A recipe for 4 people needs 300 g of flour. How much do I need for 10 people?",
        "My car does 6.5 litres per 100 km. How much fuel for a 420 km trip?",
        "A rectangle is 12 m by 7.5 m. What's its area and perimeter?",
        "If a train travels 180 km in 1 hour 30 minutes, what is its average speed?",
        "A loan of $15,000 at 6% simple interest for 4 years — what is the total interest?",
        "What's the probability of rolling two sixes with two fair dice?",
        "A shop's sales went from 240 to 300 units. What is the percentage increase?",
        "Find the mean and median of 4, 8, 15, 16, 23, 42.",
        "A circle has a radius of 5 cm. What is its circumference and area?",
    ]}, 10),
    Group("calculus-stats", "hard", 1, [
        "{problem}",
    ], {"problem": [
        "Evaluate the integral of x^2 · e^(3x) dx, and verify your answer by differentiating it.",
        "Find all local extrema of f(x) = x^4 - 8x^2 + 3 and classify each, with justification.",
        "A factory's defect rate is 2%. In a batch of 500, use a suitable approximation to find the probability of more "
        "than 15 defects, and say how accurate the approximation is.",
        "Solve the differential equation dy/dx = y(1 - y/100) with y(0) = 10 and find when y reaches 90.",
        "Compute the eigenvalues and eigenvectors of [[4, 1], [2, 3]] and diagonalise the matrix.",
        "Find the sum of the series Σ n/2^n from n=1 to infinity and prove it converges.",
        "Using Lagrange multipliers, maximise xy subject to x^2 + 4y^2 = 8.",
        "A/B test: 480 of 6,000 users converted in A and 540 of 6,000 in B. Is the difference significant at 5%? Give the "
        "test, the statistic and a confidence interval for the difference.",
    ]}, 8),
    Group("proofs", "hard", 1, [
        "Prove that {claim}.",
        "Give a rigorous proof: {claim}.",
    ], {"claim": [
        "the square root of 3 is irrational", "there are infinitely many primes of the form 4k + 3",
        "every tree with n vertices has exactly n - 1 edges", "the sum of the first n odd numbers is n^2",
        "n^3 - n is divisible by 6 for every integer n", "a graph is bipartite iff it has no odd cycle",
        "in any group of 6 people there are 3 mutual friends or 3 mutual strangers",
        "the harmonic series diverges",
    ]}, 8),
    Group("multi-step-word", "hard", 1, [
        "{problem}",
    ], {"problem": [
        "A warehouse ships 3 product types with margins of €4, €7 and €11. Type B needs 2 minutes of packing, A 1 minute, "
        "C 5 minutes; there are 2,400 packing minutes per week. Demand caps are 900 A, 600 B, 300 C. Formulate the linear "
        "program and find the profit-maximising mix.",
        "A pension pot of £180,000 earns 5% a year and pays out £1,100 per month, increasing by 2% every year. In which "
        "year does it run out? Show the method and check it.",
        "Three pipes fill a tank: A alone in 6 h, B in 8 h, and C drains it in 12 h. A and B start together; C opens after "
        "1 hour and B closes after 3 hours. When is the tank full?",
        "A company's revenue grows 12% per year while costs grow 7% per year; revenue is now $4.2m and costs $4.9m. In "
        "which year does it first make a profit, and what's the cumulative loss until then?",
        "A drug's concentration halves every 6 hours. A patient takes 200 mg every 8 hours. What is the steady-state peak "
        "and trough concentration, assuming instant absorption?",
        "How many 8-character passwords use at least one digit, one uppercase and one lowercase letter from the 62 "
        "alphanumeric characters? Use inclusion-exclusion and show each term.",
    ]}, 6),
    Hand("quick-math", "easy", 0, [
        "What's 15% tip on a $64 bill?",
        "Is 91 a prime number?",
        "What is the square root of 144?",
        "How many seconds are in a day?",
        "Round 3.14159 to two decimal places.",
        "What's half of 3/4?",
        "Convert 0.375 to a fraction.",
        "What is 2 to the power of 10?",
        "Add up 19.99, 4.50 and 12.25.",
        "How many minutes is 2.75 hours?",
        "Which is bigger, 5/8 or 0.6?",
        "What is 1,000,000 divided by 250?",
    ]),
    Hand("medium-math", "medium", 0, [
        "Split a €347.60 restaurant bill among 7 people where two people only had drinks costing €18 each. How much does "
        "everyone else pay?",
        "If I invest $200 a month for 10 years at 5% annual return, roughly how much will I have?",
        "A triangle has sides 7, 24 and 25. Is it a right triangle? What's its area?",
        "Solve the system: 2x + y = 11 and x - y = 1.",
        "What's the standard deviation of 2, 4, 4, 4, 5, 5, 7, 9?",
        "A phone plan costs $25/month plus $0.10 per MB over 2 GB. I used 2.6 GB. What's my bill?",
        "Simplify (3x^2 - 12) / (x - 2).",
        "What's the derivative of 3x^3 - 2x + 5?",
    ]),
    Hand("hard-math", "hard", 1, [
        "Find all integer solutions of x^2 - 7y^2 = 1 with x, y < 1000, and explain how the solutions are generated from "
        "the fundamental one.",
        "A fair coin is flipped until two heads in a row appear. What is the expected number of flips? Then generalise to "
        "k heads in a row and prove the formula.",
        "Show that the function f(x) = x sin(1/x) for x ≠ 0, f(0) = 0 is continuous but not differentiable at 0, and "
        "determine whether x^2 sin(1/x) is differentiable there.",
        "We have 10 servers each failing independently with probability 0.03 per day. A job needs at least 8 up. Compute "
        "the probability it can run on a given day, then find the minimum number of servers so that probability exceeds 99.99%.",
    ]),
]

ITEMS += [
    Group("combinatorics-prob", "hard", 1, [
        "{problem} Show your reasoning and check the answer another way.",
    ], {"problem": [
        "In how many ways can 8 people sit around a round table if two particular people refuse to sit next to each other?",
        "A bag has 5 red, 4 blue and 3 green marbles. Three are drawn without replacement. What's the probability that all "
        "three colours appear?",
        "How many integers between 1 and 10,000 are divisible by 3 or 7 but not by 21?",
        "A test for a condition with 1% prevalence has 95% sensitivity and 90% specificity. If two independent tests are "
        "both positive, what is the probability the person has the condition?",
        "How many lattice paths go from (0,0) to (6,6) using unit steps right and up without ever going above the diagonal?",
        "Expected number of distinct faces after rolling a fair die 10 times?",
    ]}, 6),
    Hand("more-easy-math", "easy", 0, [
        "What's 7 times 8?",
        "If I buy 3 notebooks at €2.40 each, what's the total?",
        "What is 25% of 360?",
        "How many centimetres are in 2.3 metres?",
        "Average of 12, 15 and 18?",
        "What's 1/3 + 1/6?",
    ]),
]
