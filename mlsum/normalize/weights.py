"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.880 R 0.990 F1 0.932
held out 93 pages (ids 8-f): P 0.862 R 0.951 F1 0.905
thresholds {'span_threshold': 0.45, 'extend_threshold': 0.12, 'extend_up_threshold': 0.12, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.99
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'log_chars', 'stop_density', 'stop_x_length', 'log_stops', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'repeated', 'position', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.68147, 3.19906, 0.246167, 0.543992, 0.848405, 0.191215, 0.093551, 0.672923, 0.0578743, 0.0805117, 0.315275, 0.493104, 0.106565, 0.107129, 0.113376, 1.67176, 0.190596, 0.245218, 0.128245, 1.68115, 0.191918, 0.245874,)
SCALE = (1, 1.05806, 1.22066, 0.281568, 0.697429, 1.0983, 0.393258, 0.222682, 0.366219, 0.154682, 0.272084, 0.464625, 0.285765, 0.30856, 0.309278, 0.198697, 0.925098, 0.327049, 0.190945, 0.161015, 0.834872, 0.291642, 0.146292,)
COEF = (-2.34403, 0.978726, -0.789354, -0.236097, 1.15061, -0.869222, 0.397956, 0.121224, -0.230734, 0.0947698, 0.241059, 0.474282, -0.211134, -0.179309, -0.214382, -0.22686, 0.399541, 0.503584, 0.0443105, -0.252603, 1.38911, 0.16493, -0.83065,)
SPAN_THRESHOLD = 0.45
EXTEND_THRESHOLD = 0.12
EXTEND_UP_THRESHOLD = 0.12
INNER_THRESHOLD = 0.05
