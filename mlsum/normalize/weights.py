"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.877 R 0.988 F1 0.929 (4-fold cross-validated: P 0.880 R 0.991 F1 0.932)
held out 93 pages (ids 8-f): P 0.860 R 0.976 F1 0.914
thresholds {'span_threshold': 0.4, 'extend_threshold': 0.15, 'extend_up_threshold': 0.05, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.985 (cross-validated)
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'stop_density', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.68147, 0.246167, 0.191215, 0.093551, 0.672923, 0.0578743, 0.0805117, 0.106565, 0.107129, 0.113376, 1.67176, 0.190596, 0.245218, 0.128245, 1.68115, 0.191918, 0.245874,)
SCALE = (1, 1.05806, 0.281568, 0.393258, 0.222682, 0.366219, 0.154682, 0.272084, 0.30856, 0.309278, 0.198697, 0.925098, 0.327049, 0.190945, 0.161015, 0.834872, 0.291642, 0.146292,)
COEF = (-2.33332, 0.0566297, 0.12274, 0.432544, 0.0751203, -0.226779, 0.117629, 0.344813, -0.179552, -0.20814, -0.232218, 0.416328, 0.471365, 0.0586603, -0.262846, 1.2126, 0.186069, -0.82075,)
SPAN_THRESHOLD = 0.4
EXTEND_THRESHOLD = 0.15
EXTEND_UP_THRESHOLD = 0.05
INNER_THRESHOLD = 0.05
