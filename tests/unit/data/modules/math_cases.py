import math
try:
    print('math.sqrt(-1)', "->", repr(math.sqrt(-1)))
except Exception as e:
    print('math.sqrt(-1)', "!!", type(e).__name__, e)
try:
    print('math.log(0)', "->", repr(math.log(0)))
except Exception as e:
    print('math.log(0)', "!!", type(e).__name__, e)
try:
    print('math.log(-1)', "->", repr(math.log(-1)))
except Exception as e:
    print('math.log(-1)', "!!", type(e).__name__, e)
try:
    print('math.log(0.0)', "->", repr(math.log(0.0)))
except Exception as e:
    print('math.log(0.0)', "!!", type(e).__name__, e)
try:
    print('math.log(-2, 10)', "->", repr(math.log(-2, 10)))
except Exception as e:
    print('math.log(-2, 10)', "!!", type(e).__name__, e)
try:
    print('math.log(10, 1)', "->", repr(math.log(10, 1)))
except Exception as e:
    print('math.log(10, 1)', "!!", type(e).__name__, e)
try:
    print('math.log(10,0)', "->", repr(math.log(10,0)))
except Exception as e:
    print('math.log(10,0)', "!!", type(e).__name__, e)
try:
    print('math.log10(0)', "->", repr(math.log10(0)))
except Exception as e:
    print('math.log10(0)', "!!", type(e).__name__, e)
try:
    print('math.log2(-1)', "->", repr(math.log2(-1)))
except Exception as e:
    print('math.log2(-1)', "!!", type(e).__name__, e)
try:
    print('math.log1p(-1)', "->", repr(math.log1p(-1)))
except Exception as e:
    print('math.log1p(-1)', "!!", type(e).__name__, e)
try:
    print('math.log1p(-2)', "->", repr(math.log1p(-2)))
except Exception as e:
    print('math.log1p(-2)', "!!", type(e).__name__, e)
try:
    print('math.acos(2)', "->", repr(math.acos(2)))
except Exception as e:
    print('math.acos(2)', "!!", type(e).__name__, e)
try:
    print('math.asin(2)', "->", repr(math.asin(2)))
except Exception as e:
    print('math.asin(2)', "!!", type(e).__name__, e)
try:
    print('math.acosh(0)', "->", repr(math.acosh(0)))
except Exception as e:
    print('math.acosh(0)', "!!", type(e).__name__, e)
try:
    print('math.atanh(1)', "->", repr(math.atanh(1)))
except Exception as e:
    print('math.atanh(1)', "!!", type(e).__name__, e)
try:
    print('math.atanh(2)', "->", repr(math.atanh(2)))
except Exception as e:
    print('math.atanh(2)', "!!", type(e).__name__, e)
try:
    print('math.cos(math.inf)', "->", repr(math.cos(math.inf)))
except Exception as e:
    print('math.cos(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.sin(math.inf)', "->", repr(math.sin(math.inf)))
except Exception as e:
    print('math.sin(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.tan(math.inf)', "->", repr(math.tan(math.inf)))
except Exception as e:
    print('math.tan(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.exp(1000)', "->", repr(math.exp(1000)))
except Exception as e:
    print('math.exp(1000)', "!!", type(e).__name__, e)
try:
    print('math.exp2(2000)', "->", repr(math.exp2(2000)))
except Exception as e:
    print('math.exp2(2000)', "!!", type(e).__name__, e)
try:
    print('math.expm1(1000)', "->", repr(math.expm1(1000)))
except Exception as e:
    print('math.expm1(1000)', "!!", type(e).__name__, e)
try:
    print('math.cosh(1000)', "->", repr(math.cosh(1000)))
except Exception as e:
    print('math.cosh(1000)', "!!", type(e).__name__, e)
try:
    print('math.sinh(1000)', "->", repr(math.sinh(1000)))
except Exception as e:
    print('math.sinh(1000)', "!!", type(e).__name__, e)
try:
    print('math.gamma(0)', "->", repr(math.gamma(0)))
except Exception as e:
    print('math.gamma(0)', "!!", type(e).__name__, e)
try:
    print('math.gamma(-1)', "->", repr(math.gamma(-1)))
except Exception as e:
    print('math.gamma(-1)', "!!", type(e).__name__, e)
try:
    print('math.gamma(200)', "->", repr(math.gamma(200)))
except Exception as e:
    print('math.gamma(200)', "!!", type(e).__name__, e)
try:
    print('math.lgamma(0)', "->", repr(math.lgamma(0)))
except Exception as e:
    print('math.lgamma(0)', "!!", type(e).__name__, e)
try:
    print('math.lgamma(-1)', "->", repr(math.lgamma(-1)))
except Exception as e:
    print('math.lgamma(-1)', "!!", type(e).__name__, e)
try:
    print('math.fmod(1,0)', "->", repr(math.fmod(1,0)))
except Exception as e:
    print('math.fmod(1,0)', "!!", type(e).__name__, e)
try:
    print('math.fmod(math.inf,1)', "->", repr(math.fmod(math.inf,1)))
except Exception as e:
    print('math.fmod(math.inf,1)', "!!", type(e).__name__, e)
try:
    print('math.pow(0,-1)', "->", repr(math.pow(0,-1)))
except Exception as e:
    print('math.pow(0,-1)', "!!", type(e).__name__, e)
try:
    print('math.pow(-1,0.5)', "->", repr(math.pow(-1,0.5)))
except Exception as e:
    print('math.pow(-1,0.5)', "!!", type(e).__name__, e)
try:
    print('math.pow(10,1000)', "->", repr(math.pow(10,1000)))
except Exception as e:
    print('math.pow(10,1000)', "!!", type(e).__name__, e)
try:
    print('math.remainder(1,0)', "->", repr(math.remainder(1,0)))
except Exception as e:
    print('math.remainder(1,0)', "!!", type(e).__name__, e)
try:
    print('math.remainder(math.inf,1)', "->", repr(math.remainder(math.inf,1)))
except Exception as e:
    print('math.remainder(math.inf,1)', "!!", type(e).__name__, e)
try:
    print('math.factorial(-1)', "->", repr(math.factorial(-1)))
except Exception as e:
    print('math.factorial(-1)', "!!", type(e).__name__, e)
try:
    print('math.factorial(1.5)', "->", repr(math.factorial(1.5)))
except Exception as e:
    print('math.factorial(1.5)', "!!", type(e).__name__, e)
try:
    print('math.factorial(2.0)', "->", repr(math.factorial(2.0)))
except Exception as e:
    print('math.factorial(2.0)', "!!", type(e).__name__, e)
try:
    print('math.isqrt(-1)', "->", repr(math.isqrt(-1)))
except Exception as e:
    print('math.isqrt(-1)', "!!", type(e).__name__, e)
try:
    print('math.comb(-1,2)', "->", repr(math.comb(-1,2)))
except Exception as e:
    print('math.comb(-1,2)', "!!", type(e).__name__, e)
try:
    print('math.comb(1,-2)', "->", repr(math.comb(1,-2)))
except Exception as e:
    print('math.comb(1,-2)', "!!", type(e).__name__, e)
try:
    print('math.perm(-1)', "->", repr(math.perm(-1)))
except Exception as e:
    print('math.perm(-1)', "!!", type(e).__name__, e)
try:
    print('math.perm(1,-1)', "->", repr(math.perm(1,-1)))
except Exception as e:
    print('math.perm(1,-1)', "!!", type(e).__name__, e)
try:
    print('math.comb(1.0,2)', "->", repr(math.comb(1.0,2)))
except Exception as e:
    print('math.comb(1.0,2)', "!!", type(e).__name__, e)
try:
    print('math.ldexp(1,100000)', "->", repr(math.ldexp(1,100000)))
except Exception as e:
    print('math.ldexp(1,100000)', "!!", type(e).__name__, e)
try:
    print('math.ldexp(1.0, 1.5)', "->", repr(math.ldexp(1.0, 1.5)))
except Exception as e:
    print('math.ldexp(1.0, 1.5)', "!!", type(e).__name__, e)
try:
    print('math.frexp("a")', "->", repr(math.frexp("a")))
except Exception as e:
    print('math.frexp("a")', "!!", type(e).__name__, e)
try:
    print('math.sqrt("a")', "->", repr(math.sqrt("a")))
except Exception as e:
    print('math.sqrt("a")', "!!", type(e).__name__, e)
try:
    print('math.floor("a")', "->", repr(math.floor("a")))
except Exception as e:
    print('math.floor("a")', "!!", type(e).__name__, e)
try:
    print('math.ceil("a")', "->", repr(math.ceil("a")))
except Exception as e:
    print('math.ceil("a")', "!!", type(e).__name__, e)
try:
    print('math.trunc("a")', "->", repr(math.trunc("a")))
except Exception as e:
    print('math.trunc("a")', "!!", type(e).__name__, e)
try:
    print('math.gcd(1.5)', "->", repr(math.gcd(1.5)))
except Exception as e:
    print('math.gcd(1.5)', "!!", type(e).__name__, e)
try:
    print('math.fsum([math.inf,-math.inf])', "->", repr(math.fsum([math.inf,-math.inf])))
except Exception as e:
    print('math.fsum([math.inf,-math.inf])', "!!", type(e).__name__, e)
try:
    print('math.fsum([1e308,1e308])', "->", repr(math.fsum([1e308,1e308])))
except Exception as e:
    print('math.fsum([1e308,1e308])', "!!", type(e).__name__, e)
try:
    print('math.fsum([math.nan])', "->", repr(math.fsum([math.nan])))
except Exception as e:
    print('math.fsum([math.nan])', "!!", type(e).__name__, e)
try:
    print('math.fsum([math.inf, math.inf])', "->", repr(math.fsum([math.inf, math.inf])))
except Exception as e:
    print('math.fsum([math.inf, math.inf])', "!!", type(e).__name__, e)
try:
    print('math.dist([1],[1,2])', "->", repr(math.dist([1],[1,2])))
except Exception as e:
    print('math.dist([1],[1,2])', "!!", type(e).__name__, e)
try:
    print('math.dist(1,2)', "->", repr(math.dist(1,2)))
except Exception as e:
    print('math.dist(1,2)', "!!", type(e).__name__, e)
try:
    print('math.hypot("a")', "->", repr(math.hypot("a")))
except Exception as e:
    print('math.hypot("a")', "!!", type(e).__name__, e)
try:
    print('math.prod([1,2],start=3)', "->", repr(math.prod([1,2],start=3)))
except Exception as e:
    print('math.prod([1,2],start=3)', "!!", type(e).__name__, e)
try:
    print('math.sumprod([1],[1,2])', "->", repr(math.sumprod([1],[1,2])))
except Exception as e:
    print('math.sumprod([1],[1,2])', "!!", type(e).__name__, e)
try:
    print('math.isclose(1,1,rel_tol=-1)', "->", repr(math.isclose(1,1,rel_tol=-1)))
except Exception as e:
    print('math.isclose(1,1,rel_tol=-1)', "!!", type(e).__name__, e)
try:
    print('math.nextafter(1,2,steps=-1)', "->", repr(math.nextafter(1,2,steps=-1)))
except Exception as e:
    print('math.nextafter(1,2,steps=-1)', "!!", type(e).__name__, e)
try:
    print('math.fma(math.inf,0,1)', "->", repr(math.fma(math.inf,0,1)))
except Exception as e:
    print('math.fma(math.inf,0,1)', "!!", type(e).__name__, e)
try:
    print('math.fma(1e308,10,0)', "->", repr(math.fma(1e308,10,0)))
except Exception as e:
    print('math.fma(1e308,10,0)', "!!", type(e).__name__, e)
try:
    print('math.ulp(math.inf)', "->", repr(math.ulp(math.inf)))
except Exception as e:
    print('math.ulp(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.floor(math.inf)', "->", repr(math.floor(math.inf)))
except Exception as e:
    print('math.floor(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.floor(math.nan)', "->", repr(math.floor(math.nan)))
except Exception as e:
    print('math.floor(math.nan)', "!!", type(e).__name__, e)
try:
    print('math.ceil(math.nan)', "->", repr(math.ceil(math.nan)))
except Exception as e:
    print('math.ceil(math.nan)', "!!", type(e).__name__, e)
try:
    print('math.log(1, -1)', "->", repr(math.log(1, -1)))
except Exception as e:
    print('math.log(1, -1)', "!!", type(e).__name__, e)
try:
    print('math.log(10**400)', "->", repr(math.log(10**400)))
except Exception as e:
    print('math.log(10**400)', "!!", type(e).__name__, e)
try:
    print('math.log(-10**400)', "->", repr(math.log(-10**400)))
except Exception as e:
    print('math.log(-10**400)', "!!", type(e).__name__, e)
try:
    print('math.log10(10**400)', "->", repr(math.log10(10**400)))
except Exception as e:
    print('math.log10(10**400)', "!!", type(e).__name__, e)
try:
    print('math.log2(2**2000)', "->", repr(math.log2(2**2000)))
except Exception as e:
    print('math.log2(2**2000)', "!!", type(e).__name__, e)
try:
    print('math.sqrt(-0.0)', "->", repr(math.sqrt(-0.0)))
except Exception as e:
    print('math.sqrt(-0.0)', "!!", type(e).__name__, e)
try:
    print('math.cbrt(-8)', "->", repr(math.cbrt(-8)))
except Exception as e:
    print('math.cbrt(-8)', "!!", type(e).__name__, e)
try:
    print('math.atan2(1,0)', "->", repr(math.atan2(1,0)))
except Exception as e:
    print('math.atan2(1,0)', "!!", type(e).__name__, e)
try:
    print('math.copysign(1,-0.0)', "->", repr(math.copysign(1,-0.0)))
except Exception as e:
    print('math.copysign(1,-0.0)', "!!", type(e).__name__, e)
try:
    print('math.factorial(200)%1000', "->", repr(math.factorial(200)%1000))
except Exception as e:
    print('math.factorial(200)%1000', "!!", type(e).__name__, e)
try:
    print('math.comb(10,3)', "->", repr(math.comb(10,3)))
except Exception as e:
    print('math.comb(10,3)', "!!", type(e).__name__, e)
try:
    print('math.perm(5)', "->", repr(math.perm(5)))
except Exception as e:
    print('math.perm(5)', "!!", type(e).__name__, e)
try:
    print('math.perm(5,2)', "->", repr(math.perm(5,2)))
except Exception as e:
    print('math.perm(5,2)', "!!", type(e).__name__, e)
try:
    print('math.gcd()', "->", repr(math.gcd()))
except Exception as e:
    print('math.gcd()', "!!", type(e).__name__, e)
try:
    print('math.lcm()', "->", repr(math.lcm()))
except Exception as e:
    print('math.lcm()', "!!", type(e).__name__, e)
try:
    print('math.gcd(12,18,-4)', "->", repr(math.gcd(12,18,-4)))
except Exception as e:
    print('math.gcd(12,18,-4)', "!!", type(e).__name__, e)
try:
    print('math.lcm(4,6,-10)', "->", repr(math.lcm(4,6,-10)))
except Exception as e:
    print('math.lcm(4,6,-10)', "!!", type(e).__name__, e)
try:
    print('math.hypot()', "->", repr(math.hypot()))
except Exception as e:
    print('math.hypot()', "!!", type(e).__name__, e)
try:
    print('math.hypot(3,4,12)', "->", repr(math.hypot(3,4,12)))
except Exception as e:
    print('math.hypot(3,4,12)', "!!", type(e).__name__, e)
try:
    print('math.dist((1,2),(4,6))', "->", repr(math.dist((1,2),(4,6))))
except Exception as e:
    print('math.dist((1,2),(4,6))', "!!", type(e).__name__, e)
try:
    print('math.prod([])', "->", repr(math.prod([])))
except Exception as e:
    print('math.prod([])', "!!", type(e).__name__, e)
try:
    print('math.sumprod([1,2],[3,4.5])', "->", repr(math.sumprod([1,2],[3,4.5])))
except Exception as e:
    print('math.sumprod([1,2],[3,4.5])', "!!", type(e).__name__, e)
try:
    print('math.isqrt(10**40)', "->", repr(math.isqrt(10**40)))
except Exception as e:
    print('math.isqrt(10**40)', "!!", type(e).__name__, e)
try:
    print('math.isqrt(1.0)', "->", repr(math.isqrt(1.0)))
except Exception as e:
    print('math.isqrt(1.0)', "!!", type(e).__name__, e)
try:
    print('math.nextafter(1,2,steps=3)', "->", repr(math.nextafter(1,2,steps=3)))
except Exception as e:
    print('math.nextafter(1,2,steps=3)', "!!", type(e).__name__, e)
try:
    print('math.ulp(1.0)', "->", repr(math.ulp(1.0)))
except Exception as e:
    print('math.ulp(1.0)', "!!", type(e).__name__, e)
try:
    print('math.ulp(0.0)', "->", repr(math.ulp(0.0)))
except Exception as e:
    print('math.ulp(0.0)', "!!", type(e).__name__, e)
try:
    print('math.modf(-1.5)', "->", repr(math.modf(-1.5)))
except Exception as e:
    print('math.modf(-1.5)', "!!", type(e).__name__, e)
try:
    print('math.modf(math.inf)', "->", repr(math.modf(math.inf)))
except Exception as e:
    print('math.modf(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.frexp(0.0)', "->", repr(math.frexp(0.0)))
except Exception as e:
    print('math.frexp(0.0)', "!!", type(e).__name__, e)
try:
    print('math.frexp(8.0)', "->", repr(math.frexp(8.0)))
except Exception as e:
    print('math.frexp(8.0)', "!!", type(e).__name__, e)
try:
    print('math.erf(0.5)', "->", repr(math.erf(0.5)))
except Exception as e:
    print('math.erf(0.5)', "!!", type(e).__name__, e)
try:
    print('math.erfc(0.5)', "->", repr(math.erfc(0.5)))
except Exception as e:
    print('math.erfc(0.5)', "!!", type(e).__name__, e)
try:
    print('math.gamma(0.5)', "->", repr(math.gamma(0.5)))
except Exception as e:
    print('math.gamma(0.5)', "!!", type(e).__name__, e)
try:
    print('math.lgamma(0.5)', "->", repr(math.lgamma(0.5)))
except Exception as e:
    print('math.lgamma(0.5)', "!!", type(e).__name__, e)
try:
    print('math.fsum([0.1]*10)', "->", repr(math.fsum([0.1]*10)))
except Exception as e:
    print('math.fsum([0.1]*10)', "!!", type(e).__name__, e)
try:
    print('math.fsum([1e100,1.0,-1e100,1e-100,1e50,-1.0,-1e50])', "->", repr(math.fsum([1e100,1.0,-1e100,1e-100,1e50,-1.0,-1e50])))
except Exception as e:
    print('math.fsum([1e100,1.0,-1e100,1e-100,1e50,-1.0,-1e50])', "!!", type(e).__name__, e)
try:
    print('math.floor(2.5)', "->", repr(math.floor(2.5)))
except Exception as e:
    print('math.floor(2.5)', "!!", type(e).__name__, e)
try:
    print('math.ceil(-2.5)', "->", repr(math.ceil(-2.5)))
except Exception as e:
    print('math.ceil(-2.5)', "!!", type(e).__name__, e)
try:
    print('math.trunc(-2.5)', "->", repr(math.trunc(-2.5)))
except Exception as e:
    print('math.trunc(-2.5)', "!!", type(e).__name__, e)
try:
    print('math.floor(10**30)', "->", repr(math.floor(10**30)))
except Exception as e:
    print('math.floor(10**30)', "!!", type(e).__name__, e)
try:
    print('math.isfinite(1)', "->", repr(math.isfinite(1)))
except Exception as e:
    print('math.isfinite(1)', "!!", type(e).__name__, e)
try:
    print('math.pow(2,0.5)', "->", repr(math.pow(2,0.5)))
except Exception as e:
    print('math.pow(2,0.5)', "!!", type(e).__name__, e)
try:
    print('math.pow(math.nan,0)', "->", repr(math.pow(math.nan,0)))
except Exception as e:
    print('math.pow(math.nan,0)', "!!", type(e).__name__, e)
try:
    print('math.pow(1,math.nan)', "->", repr(math.pow(1,math.nan)))
except Exception as e:
    print('math.pow(1,math.nan)', "!!", type(e).__name__, e)
try:
    print('math.degrees(math.pi)', "->", repr(math.degrees(math.pi)))
except Exception as e:
    print('math.degrees(math.pi)', "!!", type(e).__name__, e)
try:
    print('math.radians(180)', "->", repr(math.radians(180)))
except Exception as e:
    print('math.radians(180)', "!!", type(e).__name__, e)
try:
    print('math.exp2(3)', "->", repr(math.exp2(3)))
except Exception as e:
    print('math.exp2(3)', "!!", type(e).__name__, e)
try:
    print('math.e', "->", repr(math.e))
except Exception as e:
    print('math.e', "!!", type(e).__name__, e)
try:
    print('math.tau', "->", repr(math.tau))
except Exception as e:
    print('math.tau', "!!", type(e).__name__, e)
try:
    print('math.inf', "->", repr(math.inf))
except Exception as e:
    print('math.inf', "!!", type(e).__name__, e)
try:
    print('math.nan', "->", repr(math.nan))
except Exception as e:
    print('math.nan', "!!", type(e).__name__, e)
try:
    print('math.fabs(-3)', "->", repr(math.fabs(-3)))
except Exception as e:
    print('math.fabs(-3)', "!!", type(e).__name__, e)
try:
    print('math.remainder(5,3)', "->", repr(math.remainder(5,3)))
except Exception as e:
    print('math.remainder(5,3)', "!!", type(e).__name__, e)
try:
    print('math.remainder(-5,3)', "->", repr(math.remainder(-5,3)))
except Exception as e:
    print('math.remainder(-5,3)', "!!", type(e).__name__, e)
try:
    print('math.copysign(3,-0.0)', "->", repr(math.copysign(3,-0.0)))
except Exception as e:
    print('math.copysign(3,-0.0)', "!!", type(e).__name__, e)
try:
    print('math.ldexp(1.5,3)', "->", repr(math.ldexp(1.5,3)))
except Exception as e:
    print('math.ldexp(1.5,3)', "!!", type(e).__name__, e)
try:
    print('math.fmod(-5,3)', "->", repr(math.fmod(-5,3)))
except Exception as e:
    print('math.fmod(-5,3)', "!!", type(e).__name__, e)
try:
    print('math.isclose(1,1.0000000001)', "->", repr(math.isclose(1,1.0000000001)))
except Exception as e:
    print('math.isclose(1,1.0000000001)', "!!", type(e).__name__, e)
try:
    print('math.isclose(0,1e-10,abs_tol=1e-9)', "->", repr(math.isclose(0,1e-10,abs_tol=1e-9)))
except Exception as e:
    print('math.isclose(0,1e-10,abs_tol=1e-9)', "!!", type(e).__name__, e)
try:
    print('math.log(8,2)', "->", repr(math.log(8,2)))
except Exception as e:
    print('math.log(8,2)', "!!", type(e).__name__, e)
try:
    print('math.log(100,10)', "->", repr(math.log(100,10)))
except Exception as e:
    print('math.log(100,10)', "!!", type(e).__name__, e)
try:
    print('math.log(2**1000,2)', "->", repr(math.log(2**1000,2)))
except Exception as e:
    print('math.log(2**1000,2)', "!!", type(e).__name__, e)
try:
    print('math.comb(100,50)', "->", repr(math.comb(100,50)))
except Exception as e:
    print('math.comb(100,50)', "!!", type(e).__name__, e)
try:
    print('math.perm(10,11)', "->", repr(math.perm(10,11)))
except Exception as e:
    print('math.perm(10,11)', "!!", type(e).__name__, e)
try:
    print('math.comb(3,5)', "->", repr(math.comb(3,5)))
except Exception as e:
    print('math.comb(3,5)', "!!", type(e).__name__, e)
try:
    print('math.gcd(2**100, 6)', "->", repr(math.gcd(2**100, 6)))
except Exception as e:
    print('math.gcd(2**100, 6)', "!!", type(e).__name__, e)
try:
    print('math.lcm(2**64, 3)', "->", repr(math.lcm(2**64, 3)))
except Exception as e:
    print('math.lcm(2**64, 3)', "!!", type(e).__name__, e)
try:
    print('math.factorial(True)', "->", repr(math.factorial(True)))
except Exception as e:
    print('math.factorial(True)', "!!", type(e).__name__, e)
try:
    print('math.sqrt(10**400)', "->", repr(math.sqrt(10**400)))
except Exception as e:
    print('math.sqrt(10**400)', "!!", type(e).__name__, e)
try:
    print('math.acos("x")', "->", repr(math.acos("x")))
except Exception as e:
    print('math.acos("x")', "!!", type(e).__name__, e)
try:
    print('math.gcd("a")', "->", repr(math.gcd("a")))
except Exception as e:
    print('math.gcd("a")', "!!", type(e).__name__, e)
try:
    print('math.comb(10, 2**70)', "->", repr(math.comb(10, 2**70)))
except Exception as e:
    print('math.comb(10, 2**70)', "!!", type(e).__name__, e)
try:
    print('math.perm(2**70, 2)', "->", repr(math.perm(2**70, 2)))
except Exception as e:
    print('math.perm(2**70, 2)', "!!", type(e).__name__, e)
try:
    print('math.factorial(10**30)', "->", repr(math.factorial(10**30)))
except Exception as e:
    print('math.factorial(10**30)', "!!", type(e).__name__, e)
try:
    print('math.prod([1,2,3],start=1.5)', "->", repr(math.prod([1,2,3],start=1.5)))
except Exception as e:
    print('math.prod([1,2,3],start=1.5)', "!!", type(e).__name__, e)
try:
    print('math.prod(["a","b"])', "->", repr(math.prod(["a","b"])))
except Exception as e:
    print('math.prod(["a","b"])', "!!", type(e).__name__, e)
try:
    print('math.prod(["a"])', "->", repr(math.prod(["a"])))
except Exception as e:
    print('math.prod(["a"])', "!!", type(e).__name__, e)
try:
    print('math.sumprod([],[])', "->", repr(math.sumprod([],[])))
except Exception as e:
    print('math.sumprod([],[])', "!!", type(e).__name__, e)
try:
    print('math.sumprod([1,2],[3,4])', "->", repr(math.sumprod([1,2],[3,4])))
except Exception as e:
    print('math.sumprod([1,2],[3,4])', "!!", type(e).__name__, e)
try:
    print('math.sumprod([1.5,2],[3,4])', "->", repr(math.sumprod([1.5,2],[3,4])))
except Exception as e:
    print('math.sumprod([1.5,2],[3,4])', "!!", type(e).__name__, e)
try:
    print('math.nextafter(0.0,1.0)', "->", repr(math.nextafter(0.0,1.0)))
except Exception as e:
    print('math.nextafter(0.0,1.0)', "!!", type(e).__name__, e)
try:
    print('math.nextafter(1.0,0.0,steps=2**70)', "->", repr(math.nextafter(1.0,0.0,steps=2**70)))
except Exception as e:
    print('math.nextafter(1.0,0.0,steps=2**70)', "!!", type(e).__name__, e)
try:
    print('math.ceil(2**70)', "->", repr(math.ceil(2**70)))
except Exception as e:
    print('math.ceil(2**70)', "!!", type(e).__name__, e)
try:
    print('math.isinf(math.inf)', "->", repr(math.isinf(math.inf)))
except Exception as e:
    print('math.isinf(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.isnan(math.nan)', "->", repr(math.isnan(math.nan)))
except Exception as e:
    print('math.isnan(math.nan)', "!!", type(e).__name__, e)
try:
    print('math.hypot(math.inf, math.nan)', "->", repr(math.hypot(math.inf, math.nan)))
except Exception as e:
    print('math.hypot(math.inf, math.nan)', "!!", type(e).__name__, e)
try:
    print('math.hypot(1e308,1e308)', "->", repr(math.hypot(1e308,1e308)))
except Exception as e:
    print('math.hypot(1e308,1e308)', "!!", type(e).__name__, e)
try:
    print('math.dist([1e308],[-1e308])', "->", repr(math.dist([1e308],[-1e308])))
except Exception as e:
    print('math.dist([1e308],[-1e308])', "!!", type(e).__name__, e)
try:
    print('math.fma(2,3,4)', "->", repr(math.fma(2,3,4)))
except Exception as e:
    print('math.fma(2,3,4)', "!!", type(e).__name__, e)
try:
    print('math.ldexp(1,-1080)', "->", repr(math.ldexp(1,-1080)))
except Exception as e:
    print('math.ldexp(1,-1080)', "!!", type(e).__name__, e)
try:
    print('math.ldexp(1,2**70)', "->", repr(math.ldexp(1,2**70)))
except Exception as e:
    print('math.ldexp(1,2**70)', "!!", type(e).__name__, e)
try:
    print('math.ldexp(1,-2**70)', "->", repr(math.ldexp(1,-2**70)))
except Exception as e:
    print('math.ldexp(1,-2**70)', "!!", type(e).__name__, e)
try:
    print('math.log(0.5,0.5)', "->", repr(math.log(0.5,0.5)))
except Exception as e:
    print('math.log(0.5,0.5)', "!!", type(e).__name__, e)
try:
    print('math.log(1,1)', "->", repr(math.log(1,1)))
except Exception as e:
    print('math.log(1,1)', "!!", type(e).__name__, e)
try:
    print('math.cos(0)', "->", repr(math.cos(0)))
except Exception as e:
    print('math.cos(0)', "!!", type(e).__name__, e)
try:
    print('math.sin(1e22)', "->", repr(math.sin(1e22)))
except Exception as e:
    print('math.sin(1e22)', "!!", type(e).__name__, e)
try:
    print('math.atan(math.inf)', "->", repr(math.atan(math.inf)))
except Exception as e:
    print('math.atan(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.tanh(1000)', "->", repr(math.tanh(1000)))
except Exception as e:
    print('math.tanh(1000)', "!!", type(e).__name__, e)
try:
    print('math.asinh(-1e300)', "->", repr(math.asinh(-1e300)))
except Exception as e:
    print('math.asinh(-1e300)', "!!", type(e).__name__, e)
try:
    print('math.exp(-1000)', "->", repr(math.exp(-1000)))
except Exception as e:
    print('math.exp(-1000)', "!!", type(e).__name__, e)
try:
    print('math.expm1(1e-10)', "->", repr(math.expm1(1e-10)))
except Exception as e:
    print('math.expm1(1e-10)', "!!", type(e).__name__, e)
try:
    print('math.erf(math.nan)', "->", repr(math.erf(math.nan)))
except Exception as e:
    print('math.erf(math.nan)', "!!", type(e).__name__, e)
try:
    print('math.gamma(math.inf)', "->", repr(math.gamma(math.inf)))
except Exception as e:
    print('math.gamma(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.gamma(-math.inf)', "->", repr(math.gamma(-math.inf)))
except Exception as e:
    print('math.gamma(-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.lgamma(-math.inf)', "->", repr(math.lgamma(-math.inf)))
except Exception as e:
    print('math.lgamma(-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.gamma(-0.5)', "->", repr(math.gamma(-0.5)))
except Exception as e:
    print('math.gamma(-0.5)', "!!", type(e).__name__, e)
try:
    print('math.gamma(171.7)', "->", repr(math.gamma(171.7)))
except Exception as e:
    print('math.gamma(171.7)', "!!", type(e).__name__, e)
try:
    print('math.gamma(-2.5)', "->", repr(math.gamma(-2.5)))
except Exception as e:
    print('math.gamma(-2.5)', "!!", type(e).__name__, e)
try:
    print('math.lgamma(1e308)', "->", repr(math.lgamma(1e308)))
except Exception as e:
    print('math.lgamma(1e308)', "!!", type(e).__name__, e)
try:
    print('math.lgamma(-2.5)', "->", repr(math.lgamma(-2.5)))
except Exception as e:
    print('math.lgamma(-2.5)', "!!", type(e).__name__, e)
try:
    print('math.pow(0.0,-math.inf)', "->", repr(math.pow(0.0,-math.inf)))
except Exception as e:
    print('math.pow(0.0,-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.pow(-0.0,-1)', "->", repr(math.pow(-0.0,-1)))
except Exception as e:
    print('math.pow(-0.0,-1)', "!!", type(e).__name__, e)
try:
    print('math.pow(-2,2)', "->", repr(math.pow(-2,2)))
except Exception as e:
    print('math.pow(-2,2)', "!!", type(e).__name__, e)
try:
    print('math.pow(-8,1/3)', "->", repr(math.pow(-8,1/3)))
except Exception as e:
    print('math.pow(-8,1/3)', "!!", type(e).__name__, e)
try:
    print('math.sqrt(2)', "->", repr(math.sqrt(2)))
except Exception as e:
    print('math.sqrt(2)', "!!", type(e).__name__, e)
try:
    print('math.trunc(3.9)', "->", repr(math.trunc(3.9)))
except Exception as e:
    print('math.trunc(3.9)', "!!", type(e).__name__, e)
try:
    print('math.floor(-0.5)', "->", repr(math.floor(-0.5)))
except Exception as e:
    print('math.floor(-0.5)', "!!", type(e).__name__, e)
try:
    print('math.isqrt(0)', "->", repr(math.isqrt(0)))
except Exception as e:
    print('math.isqrt(0)', "!!", type(e).__name__, e)
try:
    print('math.isqrt(True)', "->", repr(math.isqrt(True)))
except Exception as e:
    print('math.isqrt(True)', "!!", type(e).__name__, e)
try:
    print('math.factorial(0)', "->", repr(math.factorial(0)))
except Exception as e:
    print('math.factorial(0)', "!!", type(e).__name__, e)
try:
    print('math.log1p(1e-20)', "->", repr(math.log1p(1e-20)))
except Exception as e:
    print('math.log1p(1e-20)', "!!", type(e).__name__, e)
try:
    print('math.log(math.inf)', "->", repr(math.log(math.inf)))
except Exception as e:
    print('math.log(math.inf)', "!!", type(e).__name__, e)
try:
    print('math.log(math.nan)', "->", repr(math.log(math.nan)))
except Exception as e:
    print('math.log(math.nan)', "!!", type(e).__name__, e)
try:
    print('math.log(True)', "->", repr(math.log(True)))
except Exception as e:
    print('math.log(True)', "!!", type(e).__name__, e)
try:
    print('math.log(10**400, 10)', "->", repr(math.log(10**400, 10)))
except Exception as e:
    print('math.log(10**400, 10)', "!!", type(e).__name__, e)
try:
    print('math.floor(True)', "->", repr(math.floor(True)))
except Exception as e:
    print('math.floor(True)', "!!", type(e).__name__, e)
try:
    print('math.pow(2, 2**70)', "->", repr(math.pow(2, 2**70)))
except Exception as e:
    print('math.pow(2, 2**70)', "!!", type(e).__name__, e)
try:
    print('math.atan2(0.0,-0.0)', "->", repr(math.atan2(0.0,-0.0)))
except Exception as e:
    print('math.atan2(0.0,-0.0)', "!!", type(e).__name__, e)
try:
    print('math.fabs(-0.0)', "->", repr(math.fabs(-0.0)))
except Exception as e:
    print('math.fabs(-0.0)', "!!", type(e).__name__, e)
try:
    print('math.comb(5, True)', "->", repr(math.comb(5, True)))
except Exception as e:
    print('math.comb(5, True)', "!!", type(e).__name__, e)
try:
    print('math.perm(5, None)', "->", repr(math.perm(5, None)))
except Exception as e:
    print('math.perm(5, None)', "!!", type(e).__name__, e)
try:
    print('math.isclose(math.inf, math.inf)', "->", repr(math.isclose(math.inf, math.inf)))
except Exception as e:
    print('math.isclose(math.inf, math.inf)', "!!", type(e).__name__, e)
try:
    print('math.isclose(math.nan, math.nan)', "->", repr(math.isclose(math.nan, math.nan)))
except Exception as e:
    print('math.isclose(math.nan, math.nan)', "!!", type(e).__name__, e)
try:
    print('math.isclose(1,2,rel_tol=0.6)', "->", repr(math.isclose(1,2,rel_tol=0.6)))
except Exception as e:
    print('math.isclose(1,2,rel_tol=0.6)', "!!", type(e).__name__, e)
try:
    print('math.fsum(iter([1,2]))', "->", repr(math.fsum(iter([1,2]))))
except Exception as e:
    print('math.fsum(iter([1,2]))', "!!", type(e).__name__, e)
try:
    print('math.fsum([1e308, 1e308, -1e308])', "->", repr(math.fsum([1e308, 1e308, -1e308])))
except Exception as e:
    print('math.fsum([1e308, 1e308, -1e308])', "!!", type(e).__name__, e)
try:
    print('math.fsum([2.0**1023, 2.0**1023, -2.0**1023])', "->", repr(math.fsum([2.0**1023, 2.0**1023, -2.0**1023])))
except Exception as e:
    print('math.fsum([2.0**1023, 2.0**1023, -2.0**1023])', "!!", type(e).__name__, e)
try:
    print('math.fsum([-0.0])', "->", repr(math.fsum([-0.0])))
except Exception as e:
    print('math.fsum([-0.0])', "!!", type(e).__name__, e)
try:
    print('math.fsum([])', "->", repr(math.fsum([])))
except Exception as e:
    print('math.fsum([])', "!!", type(e).__name__, e)
try:
    print('math.fsum(["a"])', "->", repr(math.fsum(["a"])))
except Exception as e:
    print('math.fsum(["a"])', "!!", type(e).__name__, e)
try:
    print('math.remainder(3, math.inf)', "->", repr(math.remainder(3, math.inf)))
except Exception as e:
    print('math.remainder(3, math.inf)', "!!", type(e).__name__, e)
try:
    print('math.remainder(3,math.nan)', "->", repr(math.remainder(3,math.nan)))
except Exception as e:
    print('math.remainder(3,math.nan)', "!!", type(e).__name__, e)
try:
    print('math.fmod(3, math.inf)', "->", repr(math.fmod(3, math.inf)))
except Exception as e:
    print('math.fmod(3, math.inf)', "!!", type(e).__name__, e)
try:
    print('math.fmod(3,-math.inf)', "->", repr(math.fmod(3,-math.inf)))
except Exception as e:
    print('math.fmod(3,-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.copysign(math.nan, -1)', "->", repr(math.copysign(math.nan, -1)))
except Exception as e:
    print('math.copysign(math.nan, -1)', "!!", type(e).__name__, e)
try:
    print('math.ulp(-2.0)', "->", repr(math.ulp(-2.0)))
except Exception as e:
    print('math.ulp(-2.0)', "!!", type(e).__name__, e)
try:
    print('math.ulp(5e-324)', "->", repr(math.ulp(5e-324)))
except Exception as e:
    print('math.ulp(5e-324)', "!!", type(e).__name__, e)
try:
    print('math.ulp(1.7976931348623157e308)', "->", repr(math.ulp(1.7976931348623157e308)))
except Exception as e:
    print('math.ulp(1.7976931348623157e308)', "!!", type(e).__name__, e)
try:
    print('math.nextafter(1, math.inf, steps=0)', "->", repr(math.nextafter(1, math.inf, steps=0)))
except Exception as e:
    print('math.nextafter(1, math.inf, steps=0)', "!!", type(e).__name__, e)
try:
    print('math.cbrt(27)', "->", repr(math.cbrt(27)))
except Exception as e:
    print('math.cbrt(27)', "!!", type(e).__name__, e)
try:
    print('math.exp2(-1080)', "->", repr(math.exp2(-1080)))
except Exception as e:
    print('math.exp2(-1080)', "!!", type(e).__name__, e)
try:
    print('math.gcd(0,0)', "->", repr(math.gcd(0,0)))
except Exception as e:
    print('math.gcd(0,0)', "!!", type(e).__name__, e)
try:
    print('math.lcm(0,5)', "->", repr(math.lcm(0,5)))
except Exception as e:
    print('math.lcm(0,5)', "!!", type(e).__name__, e)
try:
    print('math.hypot(-3)', "->", repr(math.hypot(-3)))
except Exception as e:
    print('math.hypot(-3)', "!!", type(e).__name__, e)
try:
    print('math.dist([],[])', "->", repr(math.dist([],[])))
except Exception as e:
    print('math.dist([],[])', "!!", type(e).__name__, e)
try:
    print('math.log2(3)', "->", repr(math.log2(3)))
except Exception as e:
    print('math.log2(3)', "!!", type(e).__name__, e)
try:
    print('math.log10(1000)', "->", repr(math.log10(1000)))
except Exception as e:
    print('math.log10(1000)', "!!", type(e).__name__, e)
try:
    print('math.erfc(30)', "->", repr(math.erfc(30)))
except Exception as e:
    print('math.erfc(30)', "!!", type(e).__name__, e)
try:
    print('math.log(2.5, 3**500)', "->", repr(math.log(2.5, 3**500)))
except Exception as e:
    print('math.log(2.5, 3**500)', "!!", type(e).__name__, e)
try:
    print('math.sqrt(-1e300)', "->", repr(math.sqrt(-1e300)))
except Exception as e:
    print('math.sqrt(-1e300)', "!!", type(e).__name__, e)
try:
    print('math.log(-1.5)', "->", repr(math.log(-1.5)))
except Exception as e:
    print('math.log(-1.5)', "!!", type(e).__name__, e)
try:
    print('math.log(-1.5,10)', "->", repr(math.log(-1.5,10)))
except Exception as e:
    print('math.log(-1.5,10)', "!!", type(e).__name__, e)
try:
    print('math.log(10,-1.5)', "->", repr(math.log(10,-1.5)))
except Exception as e:
    print('math.log(10,-1.5)', "!!", type(e).__name__, e)
try:
    print('math.log10(-0.5)', "->", repr(math.log10(-0.5)))
except Exception as e:
    print('math.log10(-0.5)', "!!", type(e).__name__, e)
try:
    print('math.log2(0.0)', "->", repr(math.log2(0.0)))
except Exception as e:
    print('math.log2(0.0)', "!!", type(e).__name__, e)
try:
    print('math.sqrt(-math.inf)', "->", repr(math.sqrt(-math.inf)))
except Exception as e:
    print('math.sqrt(-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.cos(math.nan)', "->", repr(math.cos(math.nan)))
except Exception as e:
    print('math.cos(math.nan)', "!!", type(e).__name__, e)
try:
    print('math.acos(-math.inf)', "->", repr(math.acos(-math.inf)))
except Exception as e:
    print('math.acos(-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.log(math.inf, math.inf)', "->", repr(math.log(math.inf, math.inf)))
except Exception as e:
    print('math.log(math.inf, math.inf)', "!!", type(e).__name__, e)
try:
    print('math.log(-math.inf)', "->", repr(math.log(-math.inf)))
except Exception as e:
    print('math.log(-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.log1p(-math.inf)', "->", repr(math.log1p(-math.inf)))
except Exception as e:
    print('math.log1p(-math.inf)', "!!", type(e).__name__, e)
try:
    print('math.sqrt(-1e-310)', "->", repr(math.sqrt(-1e-310)))
except Exception as e:
    print('math.sqrt(-1e-310)', "!!", type(e).__name__, e)
try:
    print('math.atanh(-1.0)', "->", repr(math.atanh(-1.0)))
except Exception as e:
    print('math.atanh(-1.0)', "!!", type(e).__name__, e)
try:
    print('math.log(2**-1100 if False else 0.0, 2)', "->", repr(math.log(2**-1100 if False else 0.0, 2)))
except Exception as e:
    print('math.log(2**-1100 if False else 0.0, 2)', "!!", type(e).__name__, e)
print(math.__doc__)
print(sorted(n for n in dir(math) if not n.startswith('_')))
