x = 1  # commentaire éàü
# 日本語のコメント
y = 2  # 😀
