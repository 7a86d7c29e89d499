x=1+2*3
y=a[1:2]or b
z=not(a)and(b)
w=[1,2,3][::-1]
v=a if(b)else(c)
u=lambda:0
t={1:2,**d}
s=f(*a,**k)
