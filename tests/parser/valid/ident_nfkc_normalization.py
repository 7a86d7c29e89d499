ﬁle = 1
ℌ = 2
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 3
ｘ = 4
ª = 5
Ⅸ = 6
print(ﬁle, file)
def ｆ(ｐａｒａｍ=1): return param
import ｍｏｄ
x.ｆｉｅｌｄ = 1
