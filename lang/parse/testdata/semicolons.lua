local a = 1; local b = 2;
;;
f(); g();
do ; end
return a, b;
