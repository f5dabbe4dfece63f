"""The article model's weights, written by bench/fit_boilerplate.py (do not edit by hand).

fitted on 88 pages (ids 0-7): P 0.875 R 0.988 F1 0.928 (4-fold cross-validated: P 0.876 R 0.991 F1 0.930)
held out 93 pages (ids 8-f): P 0.861 R 0.975 F1 0.915
thresholds {'span_threshold': 0.4, 'extend_threshold': 0.15, 'extend_up_threshold': 0.05, 'inner_threshold': 0.05}; l2 1.0; power 0.0; min recall 0.985 (cross-validated)
(the model's stage alone, before the title step)
"""

FEATURES = ('bias', 'log_tokens', 'stop_density', 'ends_sentence', 'punctuation', 'capitalised', 'digits', 'good', 'removed_before', 'removed_after', 'debris_near2', 'log_tokens_near2', 'ends_sentence_near2', 'stop_density_near2', 'debris_near6', 'log_tokens_near6', 'ends_sentence_near6', 'stop_density_near6')
MEAN = (0, 1.68732, 0.247906, 0.192538, 0.0941578, 0.676139, 0.0543694, 0.0810785, 0.114687, 0.115257, 0.12195, 1.6762, 0.19181, 0.246578, 0.136224, 1.68731, 0.193311, 0.24764,)
SCALE = (1, 1.06139, 0.281703, 0.394293, 0.222613, 0.363893, 0.149545, 0.272956, 0.318644, 0.319332, 0.203845, 0.932366, 0.32871, 0.191964, 0.163893, 0.843372, 0.292915, 0.148143,)
COEF = (-2.32481, 0.03378, 0.123446, 0.428489, 0.0652907, -0.261088, 0.132536, 0.361685, -0.220021, -0.239465, -0.206054, 0.416796, 0.476011, 0.0690485, -0.29818, 1.21849, 0.187044, -0.835002,)
SPAN_THRESHOLD = 0.4
EXTEND_THRESHOLD = 0.15
EXTEND_UP_THRESHOLD = 0.05
INNER_THRESHOLD = 0.05
