"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.876 R 0.988 F1 0.929 (4-fold cross-validated: P 0.877 R 0.991 F1 0.930)
held out 93 pages (ids 8-f): P 0.862 R 0.976 F1 0.915
thresholds {'span_threshold': 0.4, 'extend_threshold': 0.15, 'extend_up_threshold': 0.05, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.99 (cross-validated)
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'stop_density', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.68511, 0.247585, 0.192027, 0.0943488, 0.676358, 0.0541407, 0.0810631, 0.114286, 0.114855, 0.1215, 1.6739, 0.191425, 0.246257, 0.135983, 1.68504, 0.192896, 0.247296,)
SCALE = (1, 1.06188, 0.281644, 0.393894, 0.223809, 0.364042, 0.149119, 0.272932, 0.318158, 0.318847, 0.203738, 0.931407, 0.328288, 0.191863, 0.164325, 0.840368, 0.291256, 0.14779,)
COEF = (-2.31026, 0.0174426, 0.119291, 0.431145, 0.0919412, -0.252251, 0.127236, 0.367502, -0.219397, -0.244686, -0.190299, 0.373043, 0.476543, 0.0803772, -0.327762, 1.23601, 0.21112, -0.855244,)
SPAN_THRESHOLD = 0.4
EXTEND_THRESHOLD = 0.15
EXTEND_UP_THRESHOLD = 0.05
INNER_THRESHOLD = 0.05
