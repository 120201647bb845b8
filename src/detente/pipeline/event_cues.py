"""The words the event coder reads around a trigger, loaded once from event_cues.yaml (see its
comments for what each set does), and a few fixed sets of the parse's labels."""

from __future__ import annotations


from ..knowledge.kb import read_yaml

_CUES = read_yaml("event_cues.yaml")
SPECULATIVE_MODALS = set(_CUES["modality"]["speculative_modals"])
FUTURE_MODALS = set(_CUES["modality"]["future_modals"])
INTENT_VERBS = set(_CUES["modality"]["intent_verbs"])
UNREAL_VERBS = set(_CUES["modality"]["unreal_verbs"])
REPORT_VERBS = set(_CUES["modality"]["report_verbs"])
REPORT_ADVERBS = set(_CUES["modality"]["report_adverbs"])
NEGATORS = set(_CUES["modality"]["negators"])
INTENT_CODES = dict(_CUES["intent_codes"])
TARGET_PREPS = set(_CUES["targets"]["verb_preps"])
NOUN_TARGET_PREPS = set(_CUES["targets"]["noun_preps"])
PLACE_PREPS = set(_CUES["targets"]["place_preps"])
PLACE_ROOTS = set(_CUES["targets"]["place_roots"])
PLACE_CODES = set(_CUES["targets"]["place_codes"])
CLAUSE_TARGET_ROOTS = set(_CUES["targets"]["clause_roots"])
OBJECT_PLACE_ROOTS = set(_CUES["targets"]["object_place_roots"])
RELATIONAL_NOUNS = set(_CUES["targets"]["relational_nouns"])
PLACE_NOUNS = set(_CUES["targets"]["place_nouns"])
BACKGROUND_PREPS = set(_CUES["background_preps"])
CONTENT_NOUNS = set(_CUES["content_nouns"])
TREATY_NOUNS = set(_CUES["treaty_nouns"])
PERIOD_PREPS = set(_CUES["periods"]["preps"])
PERIOD_FRAMES = set(_CUES["periods"]["frames"])
LIGHT_VERBS = set(_CUES["light_verbs"])
NON_STATE_SPEAKERS = set(_CUES["non_state_speakers"])
HELPING_VERBS = set(_CUES["helping_verbs"])
ECONOMIC_NOUNS = set(_CUES["economic_nouns"])
ECONOMIC_CODE = str(_CUES["economic_code"])
VIOLENT_ROOTS = set(_CUES["violent_roots"])
FRESH_MODIFIERS = set(_CUES["fresh_modifiers"])
RECIPROCAL_VERBS = set(_CUES["reciprocal_verbs"])
DISPLAY_NOUNS = set(_CUES["display_nouns"])
JOINT_MODIFIERS = set(_CUES["joint_modifiers"])
WEAPON_NOUNS = set(_CUES["weapon_nouns"])
DISPLAY_CODE = str(_CUES["display_code"])
SPEAKER_PREPS = set(_CUES["speaker_preps"])
REACTION_ROOTS = set(_CUES["reaction_roots"])
CONTEXT_TARGET_ROOTS = set(_CUES["context_target_roots"])
JOINT_ROOTS = set(_CUES["joint_roots"])
JOINT_EXCLUDED = set(_CUES["joint_excluded_codes"])
PEOPLE_NOUNS = set(_CUES["people_nouns"])
PEOPLE_PREPS = set(_CUES["people_preps"])
SPEECH_NOUNS = set(_CUES["speech_nouns"])
ANAPHORIC_NOUNS = dict(_CUES["anaphoric_nouns"])
PAIR_NOUNS = set(_CUES["pair_nouns"])
GOVERNING_ROOTS = set(_CUES["governing_roots"])
ASKING_ROOTS = set(_CUES["asking_roots"])
ABOUT_PREPS = set(_CUES["about_preps"])
ABOUT_ROOTS = set(_CUES["about_roots"])
THREAT_CODE = str(_CUES["threat_code"])
OBLIGATION_MODALS = set(_CUES["obligation_modals"])
DEMAND_CODE = str(_CUES["demand_code"])
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
BACKGROUND_DAYS = 365  # an article whose last date is older than this has turned to history
POSSESSIVES = {"its", "his", "her"}
FIRST_PERSON = {"we", "us", "our", "i", "my", "me"}  # inside a quotation: its speaker's side
