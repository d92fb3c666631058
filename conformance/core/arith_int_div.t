-- Integer division truncates toward zero; % takes the sign of the dividend.
terra div(a : int, b : int) : int return a / b end
terra mod(a : int, b : int) : int return a % b end
print(div(7, 2), div(-7, 2), div(7, -2))
print(mod(7, 3), mod(-7, 3), mod(7, -3))
