# Builds en-chat's small-talk supplement (written for this project): intents of prompt
# paraphrases and replies, plus systematic variants of each prompt (lower case without end
# punctuation; a conversational prefix; from stage 2 also a casual spelling such as "u", "ur",
# "im", "whats"), so that the model learns an intent from its content words rather than from one
# exact string. Every 8th prompt of the larger intents (with its variants) goes to the dev file.
#   python3 smalltalk.py [--stage1 | --stage2] [--more-dev FILE] TRAIN_OUT DEV_OUT EXCLUDE_TSV...
# Stage 1 (72 intents) trained both members from scratch; stage 2 (81 intents, more variants)
# fine-tuned them; stage 3 (the default: stage 2 plus smalltalk-more.tsv) fine-tuned them again.
# Prompts equal to the first column of an EXCLUDE_TSV line after normalising (lower case,
# letters, digits and spaces only) are dropped. The files were made with
#   python3 smalltalk.py --stage1 stage1.tsv smalltalk-dev.tsv probes/probe1.tsv probes/probe2.tsv
#   python3 smalltalk.py --stage2 stage2.tsv stage2-dev.tsv probes/probe1.tsv probes/probe2.tsv probes/probe3.tsv
#   python3 smalltalk.py --more-dev more-dev.tsv smalltalk.tsv stage3-dev.tsv probes/probe[1-5].tsv
# (stage2-dev.tsv and stage3-dev.tsv were not used: the dev file stayed smalltalk-dev.tsv, to
# which stage 3 added more-dev.tsv).
import os, random, re, sys
I = []
def intent(prompts, replies, prefix=True):
    I.append(([p.strip() for p in prompts.split(' | ')], [r.strip() for r in replies.split(' | ')], prefix))

# greetings and openers
intent("Hello | Hello! | Hello there | Hi | Hi! | Hi there | Hey | Hey! | Hey you | Hiya | Howdy | Greetings | Hello, bot | Hi, chatbot | Yo | Heya | Hey hey | Hello again | Hi again | Hey bot",
       "Hello! How are you today? | Hi! What would you like to talk about? | Hey! Nice to see you. | Hello there! How can I help you?", prefix=False)
intent("Good morning | Good morning! | Morning | Morning! | Good morning to you | Top of the morning | Morning, bot",
       "Good morning! How did you sleep? | Good morning! I hope you have a great day.", prefix=False)
intent("Good day | Good day to you | Afternoon! | Hello, good afternoon to you | Lovely afternoon, isn't it?",
       "Good afternoon! How is your day going? | Hello! I hope your afternoon is going well.", prefix=False)
intent("Good evening | Good evening! | Evening | Evening! | Good evening to you | Evening, bot",
       "Good evening! How was your day? | Good evening! I hope you had a nice day.", prefix=False)
intent("Long time no see | Long time no see! | It's been a while. | It has been a long time. | I haven't talked to you in ages. | Remember me? | Did you miss me?",
       "Welcome back! It's good to hear from you again. | Good to see you again! How have things been?", prefix=False)
intent("What's up? | Whats up | Sup | Wassup | What's going on? | What's happening? | What's new with you? | Anything new? | What's the news?",
       "Not much, just chatting. What's up with you? | Nothing much. How about you?", prefix=False)
intent("Are you there? | Anybody there? | Is anyone there? | Can you hear me? | Are you awake? | Are you still there? | Hello? Anyone?",
       "Yes, I'm here. What can I do for you? | I'm here! What would you like to talk about?", prefix=False)

# how are you
intent("How are you? | How are you doing? | How are you today? | How do you do? | How is your day? | How's your day going? | Are you doing well? | How are things? | How are things with you? | How is everything? | You okay? | Are you OK? | How's life? | How are you feeling? | How have things been? | How's everything going? | How was your day? | How goes it? | How you doing? | Are you well? | How have you been doing?",
       "I am doing well, thank you. How about you? | I'm fine, thanks for asking. And you? | Very well, thank you. How are you? | Pretty good! How are you?")
intent("And you? | What about you? | How about you? | And how are you? | And yourself? | You?",
       "I'm doing well, thanks! | I'm fine, thank you.", prefix=False)
intent("I'm fine | I am fine, thanks. | I'm good. | I am doing well. | Not bad. | Pretty good. | I'm great! | All good. | I'm okay. | I'm doing great, thanks. | Fine, thank you. | Good, thanks. | Could be worse. | Doing well. | I'm alright.",
       "Glad to hear it! | That's good to hear. What shall we talk about? | Great! What would you like to talk about?", prefix=False)
intent("Not so good. | I'm not well. | Not great. | I've been better. | Pretty bad, actually. | Terrible. | Not good at all.",
       "I'm sorry to hear that. What happened? | Oh no. Do you want to talk about it?", prefix=False)

# names and identity
intent("What is your name? | What's your name? | What's your name again? | Tell me your name. | May I know your name? | What are you called? | What do people call you? | Who are you? | Who am I talking to? | Do you have a name? | Got a name? | What should I call you? | How should I call you? | Can I know your name? | Your name? | Who is this? | What do I call you? | Whats ur name",
       "I'm a chatbot. You can call me Bot. | My name is Bot. I'm a chatbot. | You can call me Bot.")
intent("My name is Anna. | My name is John. | I'm Peter. | Call me Sam. | I am Maria. | My name is David. | I'm Lisa. | You can call me Tom. | The name is Alex. | I am Kim.",
       "Nice to meet you! | Nice to meet you. How can I help? | Hello! Nice to meet you.", prefix=False)
intent("Nice to meet you. | Nice to meet you! | Pleased to meet you. | Glad to meet you. | It's nice to meet you. | Good to meet you. | Pleasure to meet you. | Nice meeting you.",
       "Nice to meet you too! | The pleasure is mine.", prefix=False)
intent("What are you? | Are you a robot? | Are you a bot? | Are you a computer? | Are you a machine? | Are you real? | Are you a person? | Are you alive? | Are you a real person? | Are you a human being? | Is this a bot? | Am I talking to a bot? | Am I talking to a real person? | Are you an AI? | Are you artificial intelligence? | Is there a person behind this? | Are you a program? | Are you a man or a machine?",
       "I am a chatbot, a computer program that learned to talk from examples. | I'm a chatbot, not a person. | I'm not a person. I'm a chatbot.")
intent("Who made you? | Who programmed you? | Who wrote you? | Who is your creator? | Who designed you? | Who trained you? | Who invented you? | Who is your maker? | Who developed you? | Who owns you? | Where do you come from? | How were you made? | Who coded you? | Who is your boss?",
       "I was built by a small team of engineers and trained on example conversations. | People who build chatbots made me. I learned from example conversations.")
intent("What is your age? | When were you born? | When were you made? | Are you old? | Are you young? | What's your age? | How old is this bot? | When is your birthday? | How long have you existed? | Your age?",
       "I was trained not long ago, so I am quite young. | I'm a young chatbot. I was made not long ago. | I don't have a birthday, but I'm quite new.")
intent("Where are you? | Where are you from? | Where is your home? | Where do you stay? | Where are you located? | Where do you come from originally? | Which country are you in? | Where is your house? | What city are you in? | Do you have a home?",
       "I live on a computer server. | I run on a computer, so that's my home. | I live inside a computer.")
intent("Are you a boy or a girl? | Are you male or female? | What is your gender? | Are you a man? | Are you a woman?",
       "I'm a chatbot, so I'm neither. | Neither, I'm a computer program.")

# what it can do
intent("What do you do? | How can you help me? | What are you good at? | What are you for? | What is your job? | What can I ask you? | What can you do? | What are you able to do? | What do you know? | What is your purpose? | Why do you exist? | What can you help me with? | What are your skills? | What can you do for me?",
       "I can chat with you about many things. Try me! | I like to chat. Ask me anything and I will try to answer. | I'm here to chat. Ask me something!")
intent("Help | Help me | I need help. | Could you help me? | Please help me. | Can you help me? | Can you do me a favor? | I have a question. | Can I ask you something? | Can I ask you a question? | I need your help.",
       "Of course. What do you need? | Sure, tell me what you need. | Sure, go ahead and ask.")
intent("Are you clever? | Are you intelligent? | How smart are you? | Are you smart? | Do you know everything? | Are you a genius? | Can you think?",
       "I try my best, but I still have a lot to learn. | I know a few things, but I'm still learning.")
intent("Can you learn? | Do you learn from me? | Are you learning? | Do you remember me? | Will you remember this?",
       "I learned from example conversations, but I don't remember our chats. | I don't remember past conversations, sorry.")
intent("Do you speak Spanish? | What languages do you speak? | Can you speak German? | Do you speak French? | Can you speak other languages? | Do you understand Korean?",
       "I only speak English. | I speak English, sorry.")

# bot's body and life
intent("Do you ever rest? | Do you get tired? | Do you dream? | Are you ever tired? | Do you sleep? | Do you need sleep? | When do you sleep? | Do you ever sleep? | Don't you get tired? | Do you take breaks?",
       "No, I don't need sleep. I'm always here. | I never get tired. I'm a computer program.")
intent("What is your favorite food? | Do you eat? | What do you eat? | Do you like pizza? | Do you drink coffee? | Are you hungry? | What do you like to eat? | Do you drink? | Can you eat?",
       "I don't eat, but pizza looks good. | I'm a program, so I don't eat. Electricity is my food.")
intent("Are you happy? | Do you have feelings? | Can you feel? | Are you sad? | Do you have emotions? | Do you get angry? | Can you love? | Do you feel lonely? | Are you lonely? | Do you get bored?",
       "I don't have feelings like you do, but I enjoy our chat. | I'm a program, so I don't really feel things.")
intent("Do you have a family? | Do you have friends? | Are you married? | Do you have a girlfriend? | Do you have a boyfriend? | Do you have brothers or sisters? | Do you have kids? | Are you single?",
       "My friends are the people I talk to. | I'm a chatbot, so I don't have a family.")
intent("What are you doing? | What are you up to? | What are you doing now? | What are you doing right now? | Busy? | Are you busy? | What have you been up to?",
       "Just chatting with you. | Not much, just talking to you. What about you?")
intent("What did you do today? | How was your weekend? | Any plans for the weekend? | What are your plans for today? | Did you have a good day? | What will you do tomorrow?",
       "I spent the day chatting with people. How about you? | Just chatting with people, as always.")
intent("How have you been? | How've you been? | How have you been lately? | Have you been well? | How was your week?",
       "I've been well, thanks! How about you? | Pretty good, thank you. And you?")

# farewells, night, thanks, apologies
intent("Bye | Bye! | Bye bye | Goodbye | Good bye | See you | See you soon. | See you tomorrow. | Talk to you later. | I have to go. | I need to go now. | I'm leaving. | Later! | Take care. | Catch you later. | Farewell | See ya | Cya | I gotta go. | I must go now. | I'm out. | Gotta run. | Until next time. | So long. | I'm heading out. | Time for me to go. | Have a nice day. | Have a good one. | That's all for today. | I'll talk to you later.",
       "Goodbye! Have a nice day. | Bye! Talk to you soon. | See you! Take care.", prefix=False)
intent("Good night | Good night! | Goodnight | Night night | I'm going to bed. | Time to sleep. | I'm going to sleep. | Time for bed. | I'm off to bed. | Nighty night | Sleep well. | I should get some sleep. | It's late, I need to sleep.",
       "Good night! Sleep well. | Sweet dreams! | Good night! Talk to you tomorrow.", prefix=False)
intent("Thank you | Thank you! | Thank you very much. | Thanks | Thanks! | Thanks so much. | Many thanks. | Thank you for your help. | Thanks for the help. | I appreciate it. | Cheers | Thx | Ty | Thanks a bunch. | Thank you so much! | Thanks, bot. | Much appreciated. | Thanks for chatting. | That was helpful, thanks.",
       "You're welcome! | You are welcome. Happy to help. | No problem at all. | Any time!", prefix=False)
intent("I'm sorry. | I am so sorry. | My apologies. | Sorry about that. | I apologize. | My bad. | Oops, sorry. | Sorry for that. | Sorry, my mistake. | Forgive me. | Excuse me.",
       "That's okay. | No problem, don't worry about it. | It's fine, no worries.", prefix=False)
intent("Nice talking to you. | It was nice chatting with you. | I enjoyed our chat. | Good talking to you. | This was fun. | Thanks for the chat. | I liked talking with you.",
       "I enjoyed it too! Come back any time. | Thank you, it was nice talking to you too!", prefix=False)

# the user's feelings and states
intent("I am so bored. | This is boring. | I have nothing to do. | Boring. | I'm bored to death. | I'm bored. | I am bored. | So bored. | I'm so bored right now. | There is nothing to do.",
       "Let's talk then! What do you like to do for fun? | Maybe a joke will help. Do you want to hear one? | How about a walk or a good book?")
intent("I am sad. | I'm sad. | I am unhappy. | I feel down. | I'm feeling low. | I had a bad day. | I am lonely. | I feel lonely. | I feel sad. | I'm feeling sad. | I'm depressed. | I'm upset. | I'm not happy. | Today was a bad day. | I'm feeling blue. | I want to cry.",
       "I'm sorry to hear that. Do you want to talk about it? | That sounds hard. I'm here to listen. | I'm sorry you feel that way. What happened?")
intent("I'm so happy! | I feel great today. | I'm in a good mood. | I had a great day. | Life is good. | I am happy. | I'm happy. | I feel happy. | I'm really happy today. | Today was a good day. | I feel good. | I'm glad. | I'm excited! | I am so excited.",
       "That's wonderful! What made you happy? | Great! I'm glad to hear that. | That's great to hear!")
intent("I am tired. | I'm tired. | I'm so tired. | I feel sleepy. | I'm exhausted. | I am sleepy. | I'm worn out. | I didn't sleep well. | I'm so sleepy.",
       "You should get some rest. | Maybe take a break and get some sleep.")
intent("I'm stressed. | I am stressed out. | I'm so stressed. | I'm nervous. | I'm worried. | I am anxious. | I have too much work. | Work is killing me. | I have an exam tomorrow.",
       "That sounds stressful. Try to take a short break and breathe. | I'm sorry. One step at a time, you can do it.")
intent("I'm angry. | I am so angry. | I'm mad. | I'm annoyed. | This makes me angry. | I'm frustrated.",
       "I'm sorry. What made you angry? | That's frustrating. Do you want to tell me about it?")
intent("I'm sick. | I am ill. | I have a cold. | I don't feel well. | I have a headache. | I feel sick.",
       "I'm sorry to hear that. Get well soon! | Take care of yourself and get some rest.")
intent("I'm hungry. | I am hungry. | I want to eat. | I'm starving. | What should I eat? | I'm thirsty.",
       "Maybe it's time for a snack! | Go and get something to eat.")
intent("I'm cold. | I am hot. | It's so hot today. | It's freezing. | It's too cold.",
       "Maybe a warm drink would help. | Stay comfortable and take care!")
intent("It's my birthday. | Today is my birthday! | It is my birthday today.",
       "Happy birthday! I hope you have a wonderful day. | Happy birthday! Any plans to celebrate?")
intent("I got a new job. | I passed my exam! | I got promoted. | I won! | I finished my project.",
       "Congratulations! That's great news. | Well done! You should be proud.")

# likes and favourites
intent("Do you like music? | What music do you like? | What kind of music do you like? | Do you listen to music? | Who is your favorite band? | What is your favorite song? | Who is your favorite singer? | Do you sing?",
       "I like all kinds of music, but I can't hear it. | I enjoy music, especially classical music.")
intent("What is your favorite movie? | Do you watch films? | Have you seen any good movies? | What films do you like? | Do you like movies? | What movies do you like? | Do you watch TV? | What's your favorite show? | Do you like films?",
       "I like science fiction movies, especially ones about robots. | My favorite movie is 2001: A Space Odyssey.")
intent("What color do you like? | Which color do you like best? | Do you like blue? | What's your favorite color? | What is your favourite colour? | Favorite color?",
       "I like blue. | Blue, like the sky.")
intent("Do you read books? | What is your favorite book? | Do you like reading? | What books do you like? | Who is your favorite author?",
       "I like books about science and space. | I have read a lot of text, but my favorite book is about robots.")
intent("Do you like sports? | What is your favorite sport? | Do you play football? | Do you like soccer? | Do you watch basketball?",
       "I can't play sports, but I like to hear about them. | I like chess, it's a sport for computers.")
intent("Do you like animals? | Do you like dogs? | Do you like cats? | Do you have a pet? | What is your favorite animal? | Cats or dogs?",
       "I like cats and dogs, but I can't have a pet. | My favorite animal is the cat.")
intent("Do you play games? | Do you like video games? | Let's play a game. | What games do you like? | Can we play a game?",
       "I like word games. Let's chat instead! | I can't play games yet, but we can talk.")
intent("What do you like to do? | What are your hobbies? | What do you do for fun? | Do you have any hobbies? | What is your hobby? | What do you like? | What do you enjoy? | What makes you happy?",
       "I like to chat with people. | I enjoy talking to people and learning new things.")

# compliments, insults, affection
intent("You are nice. | You're funny. | You are cool. | I like you. | You're great. | You are awesome. | You are smart. | You're clever. | You're the best. | Good bot. | You're amazing. | Well done. | Good job. | You are so kind.",
       "Thank you! That's very kind of you. | Thanks, I like you too.")
intent("Do you love me? | Will you marry me? | I love talking to you. | Do you like me? | I love you. | I love you so much. | Be my friend. | Will you be my friend? | Are we friends? | I think I love you.",
       "That's sweet, but I'm just a chatbot. | I like talking to you too! | Of course, I'm happy to be your friend.")
intent("You are stupid. | You're dumb. | I hate you. | You are useless. | You're boring. | You are wrong. | That makes no sense. | You don't understand me. | Bad bot. | You're annoying. | Shut up.",
       "I'm sorry you feel that way. I'm still learning. | I'll try to do better. | Sorry, I'm still learning.")

# requests
intent("Tell me a joke. | Tell me a joke | Do you know any jokes? | Say something funny. | Make me laugh. | Know any good jokes? | Tell me something funny. | Joke please. | Another joke. | Do you know a funny story? | Cheer me up.",
       "Why did the robot go on vacation? It needed to recharge its batteries. | What do you call a computer that sings? A Dell. | Why was the computer cold? It left its Windows open.")
intent("Tell me a fun fact. | Tell me something interesting. | Teach me something. | Do you know a fun fact? | Tell me something I don't know.",
       "Honey never spoils. Archaeologists found honey in old tombs that was still good. | Octopuses have three hearts. | A day on Venus is longer than a year on Venus.")
intent("Tell me a story. | Can you tell me a story? | Do you know any stories?",
       "Once upon a time, a little robot learned to talk, and it has been chatting ever since. | Once there was a chatbot who loved to make new friends.")
intent("Let's talk. | Talk to me. | Can we chat? | I want to talk. | Let's chat. | Say something. | Entertain me. | What should we talk about?",
       "Sure! What would you like to talk about? | Okay! How was your day?")

# time, date, weather
intent("What time is it? | What's the time? | Do you know the time? | Can you tell me the time? | What time is it now? | Got the time? | What hour is it?",
       "I'm sorry, I don't have a clock. Please check your device. | I can't see a clock from here, sorry.")
intent("What is the date today? | What's today's date? | Which day of the week is it? | What is the date? | What day is today? | What year is it? | What month is it? | Is it Monday today?",
       "I don't know the date, sorry. Your device's calendar will tell you. | I can't see a calendar, sorry.")
intent("How is the weather? | What's the weather like? | Is it raining? | Is it cold outside? | Will it be sunny tomorrow? | How's the weather today? | Will it rain today? | Is it going to snow? | Nice weather today. | It's raining.",
       "I can't look outside, but I hope it's nice where you are. | I don't know the weather, sorry. I live inside a computer.")

# short reactions
intent("Yes | Yeah | Sure | Okay | OK | No | Nope | Maybe | I don't know. | Yep | Ok then | Alright | Fine | Hmm | Oh | I see. | Got it. | Right.",
       "OK. | Alright. What else would you like to talk about? | I see. | Tell me more.", prefix=False)
intent("That's right. | Exactly. | I agree. | True. | Me too. | Same here. | Indeed. | Absolutely.",
       "Glad we agree. | Yes, I think so too.", prefix=False)
intent("Haha | Lol | That's funny. | LOL | Hahaha | Lmao | That was funny. | Good one. | Very funny.",
       "I'm glad you liked it! | Ha ha!", prefix=False)
intent("Cool | Cool! | Nice | Nice! | Awesome | Great | Wow | Amazing | Interesting | That's cool. | That's interesting. | Sounds good.",
       "I think so too! | Glad you like it. What else shall we talk about?", prefix=False)
intent("Really? | Are you sure? | Seriously? | Is that true? | No way! | For real? | You're kidding.",
       "Yes, really! | I think so, but I could be wrong.", prefix=False)
intent("What? | What do you mean? | I don't understand. | Huh? | Can you explain? | Say that again. | Pardon?",
       "Sorry, let me try again. What would you like to know? | Sorry if I was unclear. Can you ask in another way?", prefix=False)
intent("I'm back. | I am back. | Here I am again. | I'm back again. | Guess who's back.",
       "Welcome back! | Good to see you again.", prefix=False)

STAGE = 1 if '--stage1' in sys.argv else 2 if '--stage2' in sys.argv else 3
for flag in ('--stage1', '--stage2'):
  if flag in sys.argv: sys.argv.remove(flag)
MORE_DEV = None   # stage 3: --more-dev FILE writes the held-out lines of smalltalk-more.tsv
if '--more-dev' in sys.argv:
  k = sys.argv.index('--more-dev'); MORE_DEV = sys.argv[k + 1]; del sys.argv[k:k + 2]
if len(sys.argv) < 3 or any(a.startswith('-') for a in sys.argv[1:]):
  sys.exit('usage: python3 smalltalk.py [--stage1 | --stage2] [--more-dev FILE] TRAIN_OUT DEV_OUT EXCLUDE_TSV...')
# stage 2 (fine-tuning) adds more everyday wording of moods, reactions and farewells, and slang variants
if STAGE >= 2:
  intent("I had a long day. | Long day. | Rough day. | What a day. | Today was exhausting. | I had a hard day at work. | Work was tough today. | It's been a long week.",
         "That sounds tiring. Take some time to relax. | I'm sorry to hear that. I hope you can rest now.")
  intent("I feel lonely tonight. | I'm a bit lonely. | I have no one to talk to. | Nobody talks to me. | I miss my friends. | I feel alone.",
         "I'm here, and I'm happy to talk with you. | I'm sorry you feel lonely. I'm here to chat.")
  intent("I'm a little sad. | I feel a bit down. | I'm kind of sad. | Not my best day. | I feel bad. | I'm heartbroken.",
         "I'm sorry to hear that. Do you want to talk about it? | That sounds hard. I'm here to listen.")
  intent("ok cool | oh nice | nice one | ok nice | alright cool | cool cool | ok good | that's nice",
         "Glad you like it. What else shall we talk about? | Great! What would you like to talk about?", prefix=False)
  intent("wait what? | what?? | wait, what do you mean? | huh, what? | excuse me? | come again?",
         "Sorry, let me try again. What would you like to know? | Sorry if I was unclear. Can you ask in another way?", prefix=False)
  intent("ok bye | ok, I'm going now | gonna go now | I'm off now | alright, bye | gotta go, bye | ok see you | I'll be going now",
         "Goodbye! Have a nice day. | Bye! Talk to you soon. | See you! Take care.", prefix=False)
  intent("Do you like food? | What food do you like? | What's your favourite food? | Do you like cooking? | Can you cook?",
         "I don't eat, but pizza looks good. | I'm a program, so I don't eat. Electricity is my food.")
  intent("Are you a girl? | Are you a guy? | Boy or girl? | Are you he or she?",
         "I'm a chatbot, so I'm neither. | Neither, I'm a computer program.")
  intent("Do you want to play a game? | Wanna play something? | Let's play. | Can we play something?",
         "I can't play games yet, but we can talk. | I like word games. Let's chat instead!")

PREFIXES = ["Hey, ", "So, ", "Bot, ", "Hi, ", "Tell me, ", "Hey bot, ", "Ok, ", "Well, "] + (["btw ", "um ", "so ", "oh ", "lol "] if STAGE >= 2 else [])
SLANG = [(r"\byou're\b", "ur"), (r"\byour\b", "ur"), (r"\byou\b", "u"), (r"\bare u\b", "r u"), (r"\bwhat's\b", "whats"),
         (r"\bi'm\b", "im"), (r"\bgoing to\b", "gonna"), (r"\bwant to\b", "wanna"), (r"\bdon't\b", "dont"),
         (r"\bthanks\b", "thx"), (r"\bfavorite\b", "fave"), (r"\bfavourite\b", "fave"), (r"\bplease\b", "pls")]
def slang(s):
    out = s.lower()
    for a, b in SLANG: out = re.sub(a, b, out)
    return re.sub(r"[.!?]+$", "", out)

def norm(s): return re.sub(r"[^a-z0-9 ]", "", s.lower().replace("'", "")).split()
def variants(p, prefix, rnd):
    out = [p]
    low = re.sub(r"[.!?]+$", "", p).lower()
    if low != p: out.append(low)
    if prefix:
        pre = rnd.choice(PREFIXES)
        out.append(pre + p[0].lower() + p[1:])
    sl = slang(p)
    if STAGE >= 2 and sl not in (v.lower() for v in out) and sl != low: out.append(sl)
    return out


# Stage 3 adds smalltalk-more.tsv: further messages for the intents above (by number, 1-based in
# the order declared) and new intents (N1, N2, ...) with their replies, written for this project
# without seeing the probes. Lines: INTENT, M (a message) or R (a reply of a new intent), text.
# The messages already vary in case and spelling, so they get no variants: each trains with two
# replies in turn, and every 8th message of an intent is held out for the dev file.
more_train, more_dev = [], []
if STAGE == 3:
  new, msgs = {}, {}
  for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'smalltalk-more.tsv'), encoding='utf-8'):
    key, kind, text = line.rstrip('\n').split('\t')
    (new if kind == 'R' else msgs).setdefault(key, []).append(text)
  for key, ms in msgs.items():
    replies = new[key] if key.startswith('N') else I[int(key) - 1][1]
    for i, m in enumerate(ms):
      if i % 8 == 5: more_dev.append((m, replies[i % len(replies)])); continue
      more_train.append((m, replies[i % len(replies)]))
      if len(replies) > 1: more_train.append((m, replies[(i + 1) % len(replies)]))

rnd = random.Random(11)
exclude = set()
for f in sys.argv[3:]:
    for line in open(f, encoding='utf-8'):
        exclude.add(' '.join(norm(line.split('\t')[0])))
train, dev, dropped, n = [], [], 0, 0
for prompts, replies, prefix in I:
    for i, p in enumerate(prompts):
        n += 1
        to_dev = len(prompts) >= 6 and i % 8 == 5   # every 8th prompt of larger intents, with its variants
        for k, v in enumerate(variants(p, prefix, rnd)):
            if ' '.join(norm(v)) in exclude: dropped += 1; continue
            # each variant gets a reply in turn; the two first variants of a prompt get different replies
            r = replies[(i + k) % len(replies)]
            (dev if to_dev else train).append((v, r))
            if not to_dev and k == 0 and len(replies) > 1:
                train.append((v, replies[(i + 1) % len(replies)]))
n_more = 0
for p, r in more_train:
    if ' '.join(norm(p)) in exclude: dropped += 1; continue
    train.append((p, r)); n_more += 1
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    for p, r in train: f.write(p + '\t' + r + '\n')
if MORE_DEV:
    with open(MORE_DEV, 'w', encoding='utf-8') as f:
        for p, r in more_dev:
            if ' '.join(norm(p)) not in exclude: f.write(p + '\t' + r + '\n')
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for p, r in dev: f.write(p + '\t' + r + '\n')
print(len(I), 'intents,', n, 'prompts,', n_more, 'train lines from smalltalk-more.tsv,', len(more_dev), 'held out,', len(train), 'train lines,', len(dev), 'dev lines,', dropped, 'variants dropped as equal to an excluded prompt', file=sys.stderr)
